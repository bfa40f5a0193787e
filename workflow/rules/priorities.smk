# Which jobs start first when several could. The animation is the longest chain of jobs
# (training set, training, frame parts, GIF, MP4): its jobs start first when they can,
# and the short figure jobs fill the gaps.
ANIMATION_PRIORITY = 10
