"""A day in the shop (issue 20): one car through every hand, each step on its role's screen.

`script.py` is the day: who acts at each step, its action target, who watches for the result;
`steps.py` what each seat does on its screen (counted by the robot); `watches.py` what the next
seat's screen must come to show without a reload. `seat.py` is one signed-in window with its
own connection and change feed, as one PC would be, and the seat runner
(`python tests/day/seat.py`) that executes steps received as JSON lines. `seats.py` drives the
seats, in this process or as separate processes, through the same calls.

It lives beside the tests, not in benchmarks/, because the steps count with `tests/robot.py`,
print to `tests/pdf_printers.py` and assert what a user notices, as every workspace test does.
A benchmark adds `tests/` to `sys.path` and plays the same day on seat processes:

    from day.script import SEATS, facts
    from day.seats import ProcessSeat, run_day
    seats = {role: ProcessSeat(url, user, folder, scrypt_n) for role, user in SEATS.items()}
    records = run_day(seats, facts(db))   # actions and cross-seat latency per step
"""
