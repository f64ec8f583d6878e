// Module-level aliases: inside a VM context (Jest) every `Math.x` lookup goes through the global
// object's interceptor and costs ~300 ns; a captured reference is as fast as natively.
const { imul } = Math;

/**
 * A tiny seeded generator (mulberry32) whose whole state is one uint32, so a sketch can store it
 * and a serialized sketch continues with exactly the random choices the original would have made.
 * Statistical quality is ample for the one thing sketches need: fair coin flips.
 */
export class SeededRandom {
  private s: number;

  constructor(state: number) {
    this.s = state >>> 0;
  }

  get state(): number {
    return this.s >>> 0;
  }

  nextUint32(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** 0 or 1 with equal probability. */
  nextBit(): number {
    return this.nextUint32() >>> 31;
  }
}
