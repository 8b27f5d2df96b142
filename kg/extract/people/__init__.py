"""People and the posts they hold.

The genre names people in a few positions, and only there does this module look for names:

- a chain of posts, then the name: ``中共丽江市委副书记、市委宣传部部长何玉兰`` (each post an
  organisation + a title; a title alone takes the body it implies: 县长 -> 县人民政府);
- a name, then a title: ``顾琨书记``, ``习近平总书记``;
- a credit line: ``编辑/雷凤娇``, ``记者 张三 李四``, ``作者/<post chain><name>``;
- a word for the people of a story, then the name: ``贫困户陈朝云``, ``村民李某某``.

A candidate name is 2–4 Han characters starting with a surname (``people_surnames.txt``), ends
where jieba ends a word (or where a word that follows names starts), and is not a place, a
body or a listed common word.  jieba's ``nr`` tag is one signal among these, not the rule: it
tags 宣传部, 施策 and 小康 as names too.

Abbreviated bodies (市委, 县政府, 扶贫办) are expanded with the division they belong to: the
division named right before them, else one earlier in the same post chain, else one named
earlier in the sentence, else the document's jurisdiction (or one of its parents), else the
nearest one named before; always one whose name ends in the abbreviation's level character.
A level word alone before a title that opens with a body (镇党委书记, 该乡党委副书记) is such an
abbreviation too.

The package's modules, each a layer of the reader over the one below it:

- ``lexicon``: the language data (``kg/data/people_*``), each file read when first needed;
- ``names``: what is a name, and where one starts and ends;
- ``bodies``: the organisation a post is held in, abbreviations expanded;
- ``titles``: posts and chains of them;
- ``lists``: lists of names;
- ``bylines``: bylines, credits and signatures;
- ``stories``: the people of a story (贫困户甲);
- ``reader``: the walk over the sentences, and the people gathered.
"""

from kg.extract.people.reader import extract

__all__ = ["extract"]
