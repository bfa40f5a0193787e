"""Part three's figures: the plane shaded by the predicted class, one module per figure."""
