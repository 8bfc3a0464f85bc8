"""`python -m fanzha.cli` runs the same command as `fanzha`."""

from fanzha.cli import main

main()
