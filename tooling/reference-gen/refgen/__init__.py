"""Reference-set generator for omega-ta (format omega-indicator-reference/1).

Runs the ORIGINAL Python IndicatorCache (loaded from a path given on the command line)
on seeded synthetic inputs and on TTR's ttrc, and writes inputs and results in exactly
the layout of shared/reference. Nothing here computes an indicator itself.
"""
