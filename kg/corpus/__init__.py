"""Many documents at once: :func:`kg.corpus.worker.build_document` mapped over worker processes
(:mod:`kg.corpus.build`) or a Dask cluster (:mod:`kg.corpus.cluster`)."""
