"""Minting IRIs from stable keys.

Coded divisions get ``area/CODE``; everything else a readable kind plus a short digest of its
key (normalised simplified names, the document's hash and offsets), so the same county, unit,
indicator or programme-for-an-area gets the same IRI in every document, and nothing depends on
the order facts were found in.
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from kg.rdf.namespace import ID_BASE


def digest(key: str, length: int = 16) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:length]


class Minter:
    """IRIs under one base (``--base``)."""

    def __init__(self, base: str = ID_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self._made: dict[str, URIRef] = {}

    def uri(self, iri: str) -> URIRef:
        """``URIRef(iri)``, one object per IRI for this minter (a document's): the same area or
        indicator is minted again for each fact that names it, and later stages look terms up
        in dictionaries, where an equal but distinct rdflib term is compared in Python."""
        made = self._made.get(iri)
        if made is None:
            made = self._made[iri] = URIRef(iri)
        return made

    def _iri(self, *parts: str) -> URIRef:
        return self.uri(self.base + "/".join(parts))

    def document(self, sha256: str) -> URIRef:
        return self._iri("doc", sha256[:16])

    def mention(self, sha256: str, start: int, end: int, part: str = "") -> URIRef:
        """The mention of ``[start, end)`` in the original text, and its selectors (``part``)."""
        suffix = f"#{part}" if part else ""
        return self.uri(f"{self.base}doc/{sha256[:16]}/span/{start}-{end}{suffix}")

    def area(self, key: str) -> URIRef:
        if key.isdigit():
            return self._iri("area", key)
        return self._iri("area", digest(key))

    def person(self, name: str, context: str) -> URIRef:
        """People are keyed by name within the area their document reports on."""
        return self._iri("person", digest(f"{context}|{name}"))

    def organisation(self, key: str) -> URIRef:
        return self._iri("org", digest(key))

    def role(self, title: str) -> URIRef:
        return self._iri("role", digest(title))

    def post(self, organisation_key: str, title: str) -> URIRef:
        return self._iri("post", digest(f"{organisation_key}|{title}"))

    def programme(self, name: str, area_key: str) -> URIRef:
        return self._iri("programme", digest(f"{area_key}|{name}"))

    def indicator(self, label: str, concept: str | None = None) -> URIRef:
        """Keyed by the phrase, and by its concept where it has one (the same phrase in yuan and
        in percent names a level and its growth)."""
        return self._iri("indicator", digest(label if concept is None else f"{label}|{concept}"))

    def dataset(self, sha256: str) -> URIRef:
        """The document's Data Cube data set: its targets and outcomes."""
        return self._iri("dataset", sha256[:16])

    def observation(self, sha256: str, start: int, end: int, index: int) -> URIRef:
        return self._iri("obs", sha256[:16], f"{start}-{end}-{index}")
