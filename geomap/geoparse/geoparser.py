"""The geoparser as users call it: `Geoparser`, `geoparse` and `get_geoparser`.

Pure Python on purpose: the work is `geomap.geoparse.parser.ParserCore`, which the wheel compiles, and compiling
drops docstrings; these entry points keep theirs for `help()`, Jupyter and the documentation.
"""

from __future__ import annotations

import functools
import threading
import weakref

from geomap.arabic import NormalizedText
from geomap.gazetteer import Gazetteer, load_gazetteer
from geomap.geoparse.evidence import WordFrequencies
from geomap.geoparse.mention import Mention
from geomap.geoparse.parser import ParserCore
from geomap.geoparse.scoring import WEIGHTS, Weights

__all__ = ["Geoparser", "geoparse", "get_geoparser"]


class Geoparser:
    """A geoparser bound to one gazetteer. Build once, call many times (thread-safe for reading).

    Parameters
    ----------
    gazetteer
        The places to find (the shipped gazetteer by default). It is read, never changed.
    word_frequencies
        ``f(word, lang) -> zipf`` deciding which names are also common words (wordfreq's by default).
    weights
        The scoring weights (`geomap.geoparse.scoring.WEIGHTS` by default).
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        word_frequencies: WordFrequencies | None = None,
        weights: Weights = WEIGHTS,
    ) -> None:
        core = self._core = ParserCore(gazetteer or load_gazetteer(), word_frequencies, weights)
        self._word_frequencies = word_frequencies  # what pickling rebuilds it from, with the gazetteer and weights
        self.gazetteer, self.matcher, self.evidence, self.weights = core.gazetteer, core.matcher, core.evidence, weights

    def __reduce__(self) -> tuple[functools.partial[Geoparser], tuple[Gazetteer]]:
        # pickled as what it is built from (the matcher and the caches are rebuilt): a process pool can take one
        return functools.partial(Geoparser, word_frequencies=self._word_frequencies, weights=self.weights), (
            self.gazetteer,
        )

    def parse(self, text: str, *, normalized: NormalizedText | None = None) -> list[Mention]:
        """Every place mention in `text`, in text order.

        Parameters
        ----------
        text : str
            The text as written.
        normalized : NormalizedText, optional
            `geomap.arabic.normalize(text)` when the caller has it already (the incident pipeline normalises a
            report once for the geoparser and the coder).

        Returns
        -------
        list of Mention
            Offsets into `text`.

        Raises
        ------
        TypeError
            When `text` is not a str.
        """
        return self._core.parse(text, normalized)


_parsers: weakref.WeakKeyDictionary[Gazetteer, Geoparser] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def get_geoparser(gazetteer: Gazetteer | None = None) -> Geoparser:
    """The cached `Geoparser` for a gazetteer (the shipped one by default), built on first use."""
    gaz = gazetteer or load_gazetteer()
    with _lock:
        parser = _parsers.get(gaz)
        if parser is None:
            parser = _parsers[gaz] = Geoparser(gaz)
    return parser


def geoparse(text: str, *, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Place mentions in `text`, in text order, each resolved against the gazetteer.

    Parameters
    ----------
    text
        Arabic or English text as written; offsets of the mentions index it.
    gazetteer
        The places to find (the shipped gazetteer by default).

    >>> [m.place.name_en for m in geoparse("قصف مدفعي على بلدة سرمدا بريف إدلب الشمالي")]
    ['Sarmada', 'Idleb']
    """
    return get_geoparser(gazetteer).parse(text)
