// Canvas: pure rendering into a cell grid (projection, braille dots, plots, layout) and SVG handouts.
