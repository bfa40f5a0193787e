"""One module per tutorial figure. Each exposes ``draw(...) -> Figure`` (or, for the
animation, a writer) and uses the shared style and saver in ``common``; none trains."""
