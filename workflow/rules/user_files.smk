# The user's own data, named in the config (checked in config.smk, before any job runs):
# CSVs replacing part one's datasets, and a folder of MNIST files replacing part two's
# bundled digits, as the inputs of the jobs that read them, so a changed file reruns them.


def user_csv(key):
    """The user's CSV named by config ``key`` as a one-item input list, or [] if unset."""
    return [] if config[key] is None else [config[key]]


def mnist_files(folder):
    """The four MNIST files in ``folder`` as inputs, or none for the bundled digits
    (folder unset)."""
    if folder is None:
        return []
    from scratchnet.digits.idx import find_mnist

    return sorted(str(path) for path in find_mnist(folder).values())
