/* parallel 2x3: 2 parties, written from the scenario for SPIN. */

byte stance_p0 = 0; /* 0 s0, 1 s1, 2 s2 */
byte stance_p1 = 0; /* 0 s0, 1 s1, 2 s2 */
bit up; /* the start day has passed: time is up and nothing moves */

active proctype day() { d_step { up = 1; stance_p0 = 0; stance_p1 = 0 } }

active proctype party_p0() {
end:
  do
  :: d_step { !up && stance_p0 == 0 -> stance_p0 = 1 } /* s0 -> s1 on p0-e0 */
  :: d_step { !up && stance_p0 == 0 -> stance_p0 = 2 } /* s0 -> s2 on p0-e1 */
  :: d_step { !up && stance_p0 == 1 -> stance_p0 = 2 } /* s1 -> s2 on p0-e0 */
  :: d_step { !up && stance_p0 == 1 -> stance_p0 = 0 } /* s1 -> s0 on p0-e1 */
  :: d_step { !up && stance_p0 == 2 -> stance_p0 = 0 } /* s2 -> s0 on p0-e0 */
  :: d_step { !up && stance_p0 == 2 -> stance_p0 = 1 } /* s2 -> s1 on p0-e1 */
  od
}

active proctype party_p1() {
end:
  do
  :: d_step { !up && stance_p1 == 0 -> stance_p1 = 1 } /* s0 -> s1 on p1-e0 */
  :: d_step { !up && stance_p1 == 0 -> stance_p1 = 2 } /* s0 -> s2 on p1-e1 */
  :: d_step { !up && stance_p1 == 1 -> stance_p1 = 2 } /* s1 -> s2 on p1-e0 */
  :: d_step { !up && stance_p1 == 1 -> stance_p1 = 0 } /* s1 -> s0 on p1-e1 */
  :: d_step { !up && stance_p1 == 2 -> stance_p1 = 0 } /* s2 -> s0 on p1-e0 */
  :: d_step { !up && stance_p1 == 2 -> stance_p1 = 1 } /* s2 -> s1 on p1-e1 */
  od
}
