# The user's own data, named in the config: CSVs replacing chapter one's datasets, and a
# folder of MNIST files replacing chapter two's bundled digits. What can be checked
# without reading the data (the file or folder is there, a CSV's header) is checked here,
# while the workflow is parsed: a bad setting stops the build before any job runs, so
# no earlier output is deleted and results/config.json still describes the last build.
# The jobs check the contents (every row, every value) as they read them.
from scratchnet.user_errors import InputProblem

USER_CSV_KEYS = ("train_csv", "valid_1_csv", "valid_2_csv")


def unset(value):
    """Whether a path setting is unset: null in a config file; `--config key=null`
    arrives as the text "null"."""
    return value in (None, "", "null")


def user_csv(key):
    """The user's CSV named by config ``key`` as a one-item input list, or [] if unset."""
    return [] if unset(config[key]) else [config[key]]


def mnist_files(folder):
    """The four MNIST files in ``folder`` as inputs (a change reruns what uses them), or
    none for the bundled digits (folder unset)."""
    if unset(folder):
        return []
    from scratchnet.digits.idx import find_mnist

    return sorted(str(path) for path in find_mnist(folder).values())


def check_csv_header(path):
    """Raise InputProblem if ``path`` is not a dataset CSV with the expected header."""
    from scratchnet.lines.datasets import check_header

    check_header(path)


def check_user_files():
    """Stop the run, with the line the job would log and the config key, if a user file
    is missing or a CSV's header is wrong."""
    checks = {key: (check_csv_header, config[key]) for key in USER_CSV_KEYS}
    checks["digits.mnist_dir"] = (mnist_files, config["digits"]["mnist_dir"])
    for key, (check, value) in checks.items():
        if unset(value):
            continue
        try:
            check(value)
        except InputProblem as problem:
            stop(f"error: {problem} (config {key})")


check_user_files()
