;; The O(n) passes of the paired bootstrap's ranking metrics, ROC AUC and average precision (see
;; paired-ranking-kernel.ts), in WebAssembly because V8's code for the same loops in JavaScript ran
;; two to six times slower. Counts are integers, so every count and pair sum is exact.
;;
;; Regenerate the embedded bytes with `pnpm build:wasm` after editing this file; a test fails
;; while they differ.
(module
  (memory (export "memory") 1)

  ;; dst[k] = src[index[k]] for k < n (u8 from u8, through an i32 index).
  (func (export "gather") (param $n i32) (param $src i32) (param $index i32) (param $dst i32)
    (local $k i32)
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $next
        (i32.store8
          (i32.add (local.get $dst) (local.get $k))
          (i32.load8_u
            (i32.add (local.get $src)
              (i32.load (i32.add (local.get $index) (i32.shl (local.get $k) (i32.const 2)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $k) (local.get $n))))))

  ;; Weighted Mann-Whitney pair count over examples in ascending score order: weight[k] is the
  ;; example's draw count, mask[k] 0xff for a positive and 0 for a negative, end[k] 1 where a run of
  ;; equal scores ends. A positive earns each negative of a lower score and half of each negative of
  ;; its own score, so the pass keeps the run's totals until its end and then adds
  ;; runPositives * (2 * negativesBefore + runNegatives): twice the pairs, an integer.
  ;; Writes f64 [positives, negatives, 2 * pairs] at out (exact while 2 * pairs < 2^53).
  (func (export "sweep") (param $n i32) (param $weight i32) (param $mask i32) (param $end i32) (param $out i32)
    (local $k i32) (local $w i32) (local $p i32)
    (local $runPositives i32) (local $runNegatives i32)
    (local $positives i32) (local $negatives i32) (local $twicePairs i64)
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $next
        (local.set $w (i32.load8_u (i32.add (local.get $weight) (local.get $k))))
        (local.set $p (i32.and (local.get $w) (i32.load8_u (i32.add (local.get $mask) (local.get $k)))))
        (local.set $runPositives (i32.add (local.get $runPositives) (local.get $p)))
        (local.set $runNegatives (i32.add (local.get $runNegatives) (i32.sub (local.get $w) (local.get $p))))
        ;; A branch, not a select: scores are mostly distinct or in long runs, so it predicts well.
        (if (i32.load8_u (i32.add (local.get $end) (local.get $k)))
          (then
            (local.set $twicePairs
              (i64.add (local.get $twicePairs)
                (i64.mul
                  (i64.extend_i32_u (local.get $runPositives))
                  (i64.add
                    (i64.shl (i64.extend_i32_u (local.get $negatives)) (i64.const 1))
                    (i64.extend_i32_u (local.get $runNegatives))))))
            (local.set $positives (i32.add (local.get $positives) (local.get $runPositives)))
            (local.set $negatives (i32.add (local.get $negatives) (local.get $runNegatives)))
            (local.set $runPositives (i32.const 0))
            (local.set $runNegatives (i32.const 0))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $k) (local.get $n)))))
    (f64.store offset=0 (local.get $out) (f64.convert_i32_u (local.get $positives)))
    (f64.store offset=8 (local.get $out) (f64.convert_i32_u (local.get $negatives)))
    (f64.store offset=16 (local.get $out) (f64.convert_i64_u (local.get $twicePairs))))
  ;; Average precision over the same ascending arrays as `sweep`, read from the highest score
  ;; down. sklearn's step-wise sum of (recall - previous recall) * precision over the thresholds
  ;; (runs of equal scores) is sum(gained * truePositives / seen) / positives, where `gained` is the
  ;; run's positive weight: a run without positive weight adds nothing (and is not divided, so a
  ;; leading run of zero weight gives no 0/0). Writes f64 [average precision] at out; with no
  ;; positive weight it is 0 (sklearn's recall of 1 times a precision of 0).
  (func (export "average_precision") (param $n i32) (param $weight i32) (param $mask i32) (param $end i32) (param $out i32)
    (local $k i32) (local $w i32) (local $p i32)
    (local $positives i32) (local $truePositives i32) (local $truePositivesBefore i32) (local $seen i32)
    (local $gained i32) (local $sum f64)
    (local.set $k (local.get $n))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $next
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (local.set $w (i32.load8_u (i32.add (local.get $weight) (local.get $k))))
        (local.set $p (i32.and (local.get $w) (i32.load8_u (i32.add (local.get $mask) (local.get $k)))))
        (local.set $truePositives (i32.add (local.get $truePositives) (local.get $p)))
        (local.set $seen (i32.add (local.get $seen) (local.get $w)))
        ;; Going down, a run ends where the position below ends a run (or at the lowest score).
        (if (i32.or (i32.eqz (local.get $k))
              (i32.load8_u (i32.add (local.get $end) (i32.sub (local.get $k) (i32.const 1)))))
          (then
            (local.set $gained (i32.sub (local.get $truePositives) (local.get $truePositivesBefore)))
            ;; A select, not a branch: whether a run gained positives is as random as the labels.
            (local.set $sum
              (f64.add (local.get $sum)
                (select
                  (f64.div
                    (f64.mul (f64.convert_i32_u (local.get $gained)) (f64.convert_i32_u (local.get $truePositives)))
                    (f64.convert_i32_u (local.get $seen)))
                  (f64.const 0)
                  (local.get $gained))))
            (local.set $truePositivesBefore (local.get $truePositives))))
        (br_if $next (i32.gt_u (local.get $k) (i32.const 0)))))
    (local.set $positives (local.get $truePositives))
    (f64.store (local.get $out)
      (if (result f64) (i32.eqz (local.get $positives))
        (then (f64.const 0))
        (else (f64.div (local.get $sum) (f64.convert_i32_u (local.get $positives)))))))
)
