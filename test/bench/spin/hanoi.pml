/* Towers of Hanoi with N disks, the same model as test/fixtures/hanoi.ts, for Spin.
   peg[d] is the peg of disk d (0 is the smallest); top[p] the smallest disk on peg p, or N.
   Each move is one atomic step (d_step); top is a function of peg, so it adds no states. */
#ifndef N
#define N 14
#endif
byte peg[N];
byte top[3];
byte k;
inline retop() {
  top[0] = N; top[1] = N; top[2] = N; k = N;
  do
  :: k > 0 -> k--; top[peg[k]] = k
  :: else -> break
  od;
  k = 0
}
active proctype hanoi() {
  d_step { retop() }
  do
  :: d_step { top[0] < top[1] -> peg[top[0]] = 1; retop() }
  :: d_step { top[0] < top[2] -> peg[top[0]] = 2; retop() }
  :: d_step { top[1] < top[0] -> peg[top[1]] = 0; retop() }
  :: d_step { top[1] < top[2] -> peg[top[1]] = 2; retop() }
  :: d_step { top[2] < top[0] -> peg[top[2]] = 0; retop() }
  :: d_step { top[2] < top[1] -> peg[top[2]] = 1; retop() }
  od;
  k = 0
}
