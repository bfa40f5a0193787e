# Chapter two's figures, drawn from the saved splits, runs and study only: redrawing
# never retrains. Each inherits the skeleton of workflow/rules/figures.smk.


# The first ten training images with their labels.
use rule draw_figure as plot_digits_samples with:
    input:
        train="results/digits/train.npz",
        code=figure_code("digits", "samples"),
    output:
        png=report(
            "figs/digits-samples.png",
            caption="../../report/digits-samples.rst",
            category="Digits: data",
        ),
    log:
        "results/logs/plot_digits_samples.log",
    benchmark:
        "results/benchmarks/plot_digits_samples.tsv"
    params:
        module="digits.samples",


# Three normal densities with different means and variances.
use rule draw_figure as plot_normal_densities with:
    input:
        code=figure_code("digits", "normal_densities"),
    output:
        png=report(
            "figs/normal-densities.png",
            caption="../../report/normal-densities.rst",
            category="Digits: initialisation",
        ),
    log:
        "results/logs/plot_normal_densities.log",
    benchmark:
        "results/benchmarks/plot_normal_densities.tsv"
    params:
        module="digits.normal_densities",


# The sigmoid and its derivative.
use rule draw_figure as plot_sigmoid_derivative with:
    input:
        code=figure_code("digits", "sigmoid_derivative"),
    output:
        png=report(
            "figs/sigmoid-derivative.png",
            caption="../../report/sigmoid-derivative.rst",
            category="Digits: layers",
        ),
    log:
        "results/logs/plot_sigmoid_derivative.log",
    benchmark:
        "results/benchmarks/plot_sigmoid_derivative.tsv"
    params:
        module="digits.sigmoid_derivative",


# Ten steps of gradient descent on a parabola.
use rule draw_figure as plot_gradient_descent with:
    input:
        code=figure_code("digits", "gradient_descent"),
    output:
        png=report(
            "figs/gradient-descent.png",
            caption="../../report/gradient-descent.rst",
            category="Digits: training",
        ),
    log:
        "results/logs/plot_gradient_descent.log",
    benchmark:
        "results/benchmarks/plot_gradient_descent.tsv"
    params:
        module="digits.gradient_descent",


# The spread of the values through 152 random layers, four initialisations.
use rule draw_figure as plot_init_study with:
    input:
        study="results/digits/init-study.npz",
        code=figure_code("digits", "init_study"),
    output:
        png=report(
            "figs/init-study.png",
            caption="../../report/init-study.rst",
            category="Digits: initialisation",
        ),
    log:
        "results/logs/plot_init_study.log",
    benchmark:
        "results/benchmarks/plot_init_study.tsv"
    params:
        module="digits.init_study",


# The first training: loss and accuracy on its 100 images and on the validation set.
use rule draw_figure as plot_digits_training with:
    input:
        run="results/digits/runs/first_training.npz",
        valid="results/digits/valid.npz",
        code=figure_code("digits", "training"),
    output:
        png=report(
            "figs/digits-training.png",
            caption="../../report/digits-training.rst",
            category="Digits: training",
        ),
    log:
        "results/logs/plot_digits_training.log",
    benchmark:
        "results/benchmarks/plot_digits_training.tsv"
    params:
        module="digits.training",
        images=DIGITS["first_training"]["images"],


# Validation accuracy per epoch for three losses, over seeds.
use rule draw_figure as plot_digits_losses with:
    input:
        mse="results/digits/losses/mse.npz",
        softmax_mse="results/digits/losses/softmax_mse.npz",
        cross_entropy="results/digits/losses/cross_entropy.npz",
        code=figure_code("digits", "losses"),
    output:
        png=report(
            "figs/digits-losses.png",
            caption="../../report/digits-losses.rst",
            category="Digits: training",
        ),
    log:
        "results/logs/plot_digits_losses.log",
    benchmark:
        "results/benchmarks/plot_digits_losses.tsv"
    params:
        module="digits.losses",
        lr=DIGITS["losses"]["lr"],


# The softmax regression's ten weight vectors as images.
use rule draw_figure as plot_softmax_templates with:
    input:
        run="results/digits/runs/softmax_regression.npz",
        code=figure_code("digits", "templates"),
    output:
        png=report(
            "figs/softmax-templates.png",
            caption="../../report/softmax-templates.rst",
            category="Digits: training",
        ),
    log:
        "results/logs/plot_softmax_templates.log",
    benchmark:
        "results/benchmarks/plot_softmax_templates.tsv"
    params:
        module="digits.templates",


# The reference model's confusion matrix on the test set.
use rule draw_figure as plot_confusion_matrix with:
    input:
        predictions="results/digits/reference-test.npz",
        code=figure_code("digits", "confusion"),
    output:
        png=report(
            "figs/confusion-matrix.png",
            caption="../../report/confusion-matrix.rst",
            category="Digits: results",
        ),
    log:
        "results/logs/plot_confusion_matrix.log",
    benchmark:
        "results/benchmarks/plot_confusion_matrix.tsv"
    params:
        module="digits.confusion",


# Test images the reference model got wrong.
use rule draw_figure as plot_misclassified with:
    input:
        test="results/digits/test.npz",
        predictions="results/digits/reference-test.npz",
        code=figure_code("digits", "misclassified"),
    output:
        png=report(
            "figs/misclassified.png",
            caption="../../report/misclassified.rst",
            category="Digits: results",
        ),
    log:
        "results/logs/plot_misclassified.log",
    benchmark:
        "results/benchmarks/plot_misclassified.tsv"
    params:
        module="digits.misclassified",


# The softmax regression's templates sharpening epoch by epoch, beside its curves.
rule render_digits_animation:
    input:
        run="results/digits/runs/softmax_regression.npz",
        code=figure_code("digits", "animation", "templates", "gif_stream"),
    output:
        gif=report(
            "figs/digits-anim.gif",
            caption="../../report/digits-anim.rst",
            category="Digits: training",
        ),
    log:
        "results/logs/render_digits_animation.log",
    benchmark:
        "results/benchmarks/render_digits_animation.tsv"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        frame_ms=DIGITS["frame_ms"],
        dpi=config["gif_dpi"],
    script:
        "../../scripts/digits/render_digits_animation.py"


# The same animation as an MP4, for web pages.
use rule encode_training_video as encode_digits_video with:
    input:
        gif="figs/digits-anim.gif",
        code=figure_code("digits", "video"),
    output:
        mp4=report(
            "figs/digits-anim.mp4",
            caption="../../report/digits-anim.rst",
            category="Digits: training",
        ),
    log:
        "results/logs/encode_digits_video.log",
    benchmark:
        "results/benchmarks/encode_digits_video.tsv"
    priority: 0
    params:
        frame_ms=DIGITS["frame_ms"],
        frames=DIGITS["softmax_regression"]["epochs"] + 1,
