"""Exercises that check themselves: the reader writes a function the pages teach, and
``check(function)`` says whether it is right, and if not, what the mistake is.

    checking   the checker: cases, finite differences, comparing, naming the mistake
    lines      part one's exercises (softmax, forward, cross_entropy, backward,
               gradient_step) and their catalogues of mistakes
    digits     part two's (linear_backward, sigmoid_backward, mse_backward, sgd_step,
               batches), in the layer library's conventions

numpy only. Each part's notebook includes its module, like the rest of the package.
"""
