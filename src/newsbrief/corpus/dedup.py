"""Near-duplicates: wire copies and light rewrites of one text are folded into one article.

MinHash signatures of word 3-gram shingles go into a datasketch LSH index that finds candidates
cheaply; a candidate is a duplicate when the estimated *containment* of the smaller text in the
larger is high, so a truncated copy (whose Jaccard similarity is low) is still caught.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Hashable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's default hashing; named so stored signatures read back the same
SHINGLE = 3
LSH_THRESHOLD = 0.2  # candidates only: a 40% truncation still has Jaccard ~0.4 with its original
# Tuned with bench/dedup.py on rewrites of the shared articles.
CONTAINMENT = 0.55
MIN_SHINGLES = 20  # below this (a headline, a brief) two texts share too little to judge
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


class Signature:
    """A MinHash and the size of the shingle set it summarises (needed to estimate containment)."""

    __slots__ = ("minhash", "size")

    def __init__(self, minhash: MinHash, size: int) -> None:
        self.minhash = minhash
        self.size = size

    @classmethod
    def of(cls, text: str) -> Signature:
        sh = shingles(text)
        mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
        if sh:
            mh.update_batch(list(sh))
        return cls(mh, len(sh))

    def to_bytes(self) -> bytes:
        return struct.pack("<Q", self.size) + self.minhash.hashvalues.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        (size,) = struct.unpack("<Q", data[:8])
        values = np.frombuffer(data[8:], dtype="<u4").astype(np.uint32)
        return cls(MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME), size)

    def jaccard(self, other: Signature) -> float:
        return float(self.minhash.jaccard(other.minhash))

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller set's shingles found in the larger one."""
        j = self.jaccard(other)
        small = min(self.size, other.size)
        if small == 0:
            return 0.0
        overlap = j * (self.size + other.size) / (1.0 + j)
        return min(1.0, overlap / small)


class DuplicateIndex:
    """Texts seen so far; ``find`` names the one a new text duplicates, if any."""

    def __init__(self, containment: float = CONTAINMENT) -> None:
        self.containment = containment
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[Hashable, Signature] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, key: Hashable, signature: Signature) -> None:
        if key in self.signatures or signature.size < MIN_SHINGLES:
            return
        self.signatures[key] = signature
        self.lsh.insert(key, signature.minhash)

    def remove(self, key: Hashable) -> None:
        if key in self.signatures:
            del self.signatures[key]
            self.lsh.remove(key)

    def find(self, signature: Signature) -> tuple[Hashable, float] | None:
        """``(key, containment)`` of the best stored match above the bar, else None."""
        if signature.size < MIN_SHINGLES:
            return None
        best: tuple[Hashable, float] | None = None
        for key in self.lsh.query(signature.minhash):
            score = signature.containment(self.signatures[key])
            if score >= self.containment and (best is None or score > best[1]):
                best = (key, score)
        return best
