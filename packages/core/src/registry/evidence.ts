import type { StagePolicy } from '../config/types.js';
import type { MetricComparison } from '../report/types.js';
import type { TagMessage } from './event.js';

/** What was found about a version when it asks to enter a stage. */
export interface PromotionFacts {
  /** `churn@v1.4.0`. */
  tag: string;
  stage: string;
  /** The registering tag's message. */
  registration: TagMessage;
  /** sha256 of the manifest file stored with the version; null when it was not found there. */
  storedManifestDigest: string | null;
  /** Where the stored manifest was looked for, for the message. */
  manifestLocation: string;
  /**
   * Against the stage's current version (when the policy asks for it): the compared metrics, or why they could
   * not be compared; absent when the stage holds no other version.
   */
  againstCurrent?: { current: string; metrics: readonly MetricComparison[] } | { current: string; problem: string };
}

/**
 * Every piece of evidence the version lacks for the stage, one sentence each; empty means it may be promoted.
 * The evidence: a recorded gate verdict of pass (or warn where the stage allows it), a recorded manifest digest
 * equal to the stored manifest's, and, where the stage requires it, no metric significantly worse than the
 * current version's (its interval wholly on the worse side: compare's `regressed`).
 */
export function missingEvidence(facts: PromotionFacts, policy: StagePolicy): string[] {
  const missing: string[] = [];
  const { tag, registration } = facts;
  if (registration.kind !== 'event') {
    const why =
      registration.kind === 'invalid'
        ? `its message is broken (${registration.problem})`
        : 'its message is not an mlgate event';
    missing.push(`${tag} records no gate verdict or manifest: ${why}`);
  } else {
    const { gate, manifest } = registration.event;
    const accepted = policy.allowWarn ? ['pass', 'warn'] : ['pass'];
    if (!gate) missing.push(`${tag} records no gate verdict`);
    else if (!accepted.includes(gate.verdict)) {
      missing.push(`${tag}'s gate verdict is ${gate.verdict}; stage ${facts.stage} needs ${accepted.join(' or ')}`);
    }
    if (!manifest) missing.push(`${tag} records no manifest digest`);
    else if (facts.storedManifestDigest === null)
      missing.push(`${tag}'s manifest is not stored: looked in ${facts.manifestLocation}`);
    else if (facts.storedManifestDigest !== manifest.digest) {
      missing.push(
        `${tag}'s stored manifest (${facts.manifestLocation}) has sha256 ${facts.storedManifestDigest.slice(0, 12)}…, not the recorded ${manifest.digest.slice(0, 12)}…`,
      );
    }
  }
  if (policy.requireBetterThanCurrent && facts.againstCurrent) {
    const against = facts.againstCurrent;
    if ('problem' in against)
      missing.push(`cannot compare with ${against.current}, the current ${facts.stage}: ${against.problem}`);
    else {
      for (const metric of against.metrics.filter((m) => m.label === 'regressed')) {
        const ci = metric.ci ? ` (interval ${metric.ci.low.toPrecision(3)} to ${metric.ci.high.toPrecision(3)})` : '';
        missing.push(`${tag} is significantly worse than ${against.current} on ${metric.name}${ci}`);
      }
    }
  }
  return missing;
}
