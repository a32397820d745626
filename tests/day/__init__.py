"""A day in the shop (issue 20): one car through every hand, each step on its role's screen.

`steps.py` holds the day: what each seat does (counted by the robot) and what the next seat's
screen must show without a reload. `seat.py` is one signed-in window with its own connection
and change feed, as one PC would be, and the seat runner (`python tests/day/seat.py`) that
executes steps received as JSON lines. `seats.py` drives the seats, in this process or as
separate processes, through the same calls. It lives beside the tests because the steps count
with `tests/robot.py` and assert what a user notices; a benchmark adds `tests/` to `sys.path`
and runs the same day (`from day.seats import run_day`).
"""
