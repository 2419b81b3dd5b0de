"""Importing this module imports spaCy without torch (:func:`newsweave.analyze.nlp.import_spacy`).

It exists to be named in a fork server's preload list (``multiprocessing.set_forkserver_preload`` takes module
names): the analysis workers are forked from a server that has spaCy, but not torch, imported. Its import is
its only effect.
"""

from __future__ import annotations

from .nlp import import_spacy

import_spacy()
