;; The O(n) passes of the paired bootstrap's ROC AUC (see paired-auc-kernel.ts), in WebAssembly
;; because V8's code for the same loop in JavaScript ran about twice as slow on doubles and bounds
;; checks. Every count is an integer, so all sums are exact.
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
    (f64.store offset=16 (local.get $out) (f64.convert_i64_u (local.get $twicePairs)))))
