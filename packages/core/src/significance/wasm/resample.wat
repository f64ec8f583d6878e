;; The hot loop of the bootstrap's resample draw (see resample.ts): `total` uniform draws into one
;; full block of 1,024 byte counts, three 10-bit chunks per xoshiro128** output (bits 31-22, 21-12,
;; 11-2), exactly as `fullBlock` in resample.ts does it, so both give the same counts. In
;; WebAssembly because V8's code for the JavaScript loop ran about twice as slow.
;;
;; Regenerate the embedded bytes with `pnpm build:wasm` after editing this file; a test fails
;; while they differ.
(module
  (memory (export "memory") 1)

  ;; state: the four xoshiro128** words (read, then written back); block: the block's first count.
  ;; Returns the OR of the counts written (256 or more when a byte count overflowed).
  (func (export "full_block") (param $state i32) (param $block i32) (param $total i32) (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $word i32) (local $t i32) (local $at i32) (local $count i32)
    (local $drawn i32) (local $overflow i32)
    (local.set $s0 (i32.load offset=0 (local.get $state)))
    (local.set $s1 (i32.load offset=4 (local.get $state)))
    (local.set $s2 (i32.load offset=8 (local.get $state)))
    (local.set $s3 (i32.load offset=12 (local.get $state)))
    (block $done
      (br_if $done (i32.eqz (local.get $total)))
      (loop $next
        (local.set $word
          (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (local.set $at (i32.add (local.get $block) (i32.shr_u (local.get $word) (i32.const 22))))
        (local.set $count (i32.add (i32.load8_u (local.get $at)) (i32.const 1)))
        (i32.store8 (local.get $at) (local.get $count))
        (local.set $overflow (i32.or (local.get $overflow) (local.get $count)))
        (if (i32.lt_u (i32.add (local.get $drawn) (i32.const 1)) (local.get $total))
          (then
            (local.set $at
              (i32.add (local.get $block)
                (i32.and (i32.shr_u (local.get $word) (i32.const 12)) (i32.const 1023))))
            (local.set $count (i32.add (i32.load8_u (local.get $at)) (i32.const 1)))
            (i32.store8 (local.get $at) (local.get $count))
            (local.set $overflow (i32.or (local.get $overflow) (local.get $count)))))
        (if (i32.lt_u (i32.add (local.get $drawn) (i32.const 2)) (local.get $total))
          (then
            (local.set $at
              (i32.add (local.get $block)
                (i32.and (i32.shr_u (local.get $word) (i32.const 2)) (i32.const 1023))))
            (local.set $count (i32.add (i32.load8_u (local.get $at)) (i32.const 1)))
            (i32.store8 (local.get $at) (local.get $count))
            (local.set $overflow (i32.or (local.get $overflow) (local.get $count)))))
        (local.set $drawn (i32.add (local.get $drawn) (i32.const 3)))
        (br_if $next (i32.lt_u (local.get $drawn) (local.get $total)))))
    (i32.store offset=0 (local.get $state) (local.get $s0))
    (i32.store offset=4 (local.get $state) (local.get $s1))
    (i32.store offset=8 (local.get $state) (local.get $s2))
    (i32.store offset=12 (local.get $state) (local.get $s3))
    (local.get $overflow)))
