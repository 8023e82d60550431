// Training: labelled data from teacher potentials, Adam, and exact force training.
