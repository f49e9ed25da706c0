// Files of this target arrive with the platform work in progress.
