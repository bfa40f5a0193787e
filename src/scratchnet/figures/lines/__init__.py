"""Chapter one's figures, one module each, drawn from saved results only."""
