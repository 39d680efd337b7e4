"""`python -m inkoopkader.cli`: the same as the console script."""

from .basis import main

main()
