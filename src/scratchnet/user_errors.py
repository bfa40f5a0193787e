"""The one kind of error a user can fix (a bad input file or setting, a run that diverged):
a job logs it as one ``error: ...`` line instead of a traceback."""


class InputProblem(Exception):
    """A problem with the user's data or configuration; the message says what and where."""
