//! Navigation of one sentence's dependency tree, for the stages that read it
//! (actors, events, quotations).
//!
//! Indices are *document* token indices (into `Document::tokens` / `syntax`), so
//! results can be stored and compared across stages without translation.

use crate::{Document, WordSyntax};

/// The dependency tree of one parsed sentence, with children lists built once.
pub struct SentenceTree<'d> {
    pub doc: &'d Document,
    /// Index of the sentence in `doc.sentences`.
    pub sentence: usize,
    /// Document index of the sentence's first token.
    pub first: u32,
    /// Document indices of every token's dependents, in text order, token
    /// after token: those of token `i` are `children[starts[i - first]..starts[i - first + 1]]`
    /// (a few allocations per tree rather than one per token: trees are built
    /// per sentence by several stages, and again per mention by coreference).
    children: Vec<u32>,
    starts: Vec<u32>,
    /// Document indices of the root(s).
    pub roots: Vec<u32>,
}

impl<'d> SentenceTree<'d> {
    /// Builds the tree of sentence `sentence`; the document must have its syntax layer.
    pub fn new(doc: &'d Document, sentence: usize) -> SentenceTree<'d> {
        let range = doc.sentences[sentence].tokens.clone();
        let first = range.start;
        let n = (range.end - range.start) as usize;
        // The position of each token's head in the sentence, or `None` for a root.
        let head_of = |i: u32| match doc.syntax[i as usize].head {
            h if h >= 1 && (h as usize) <= n => Some(h as usize - 1),
            _ => None,
        };
        let mut starts = vec![0u32; n + 1];
        for h in range.clone().filter_map(head_of) {
            starts[h + 1] += 1;
        }
        for k in 0..n {
            starts[k + 1] += starts[k];
        }
        let mut children = vec![0; starts[n] as usize];
        let mut filled = starts[..n].to_vec();
        let mut roots = Vec::new();
        for i in range {
            match head_of(i) {
                Some(h) => {
                    children[filled[h] as usize] = i;
                    filled[h] += 1;
                }
                None => roots.push(i),
            }
        }
        SentenceTree { doc, sentence, first, children, starts, roots }
    }

    pub fn tokens(&self) -> std::ops::Range<u32> {
        self.doc.sentences[self.sentence].tokens.clone()
    }

    pub fn syntax(&self, i: u32) -> &'d WordSyntax {
        &self.doc.syntax[i as usize]
    }

    pub fn lemma(&self, i: u32) -> &'d str {
        &self.doc.syntax[i as usize].lemma
    }

    pub fn upos(&self, i: u32) -> &'d str {
        &self.doc.syntax[i as usize].upos
    }

    /// The relation without its subtype (`nsubj:pass` → `nsubj`).
    pub fn base_rel(&self, i: u32) -> &'d str {
        let rel = self.doc.syntax[i as usize].deprel.as_str();
        // A plain byte scan: relations are too short for a string searcher to pay off.
        match rel.bytes().position(|b| b == b':') {
            Some(colon) => &rel[..colon],
            None => rel,
        }
    }

    pub fn deprel(&self, i: u32) -> &'d str {
        &self.doc.syntax[i as usize].deprel
    }

    /// The surface form of token `i`.
    pub fn word(&self, i: u32) -> &'d str {
        self.doc.slice(self.doc.tokens[i as usize].span)
    }

    pub fn head(&self, i: u32) -> Option<u32> {
        match self.doc.syntax[i as usize].head {
            0 => None,
            h => Some(self.first + h - 1),
        }
    }

    pub fn children(&self, i: u32) -> &[u32] {
        let k = (i - self.first) as usize;
        &self.children[self.starts[k] as usize..self.starts[k + 1] as usize]
    }

    /// Children whose relation (with subtype) is `rel`, or whose base relation is `rel` when
    /// `rel` has no colon.
    pub fn children_with<'a>(&'a self, i: u32, rel: &'a str) -> impl Iterator<Item = u32> + 'a {
        let exact = rel.contains(':');
        self.children(i).iter().copied().filter(move |&c| {
            if exact {
                self.deprel(c) == rel
            } else {
                self.base_rel(c) == rel
            }
        })
    }

    pub fn child_with(&self, i: u32, rel: &str) -> Option<u32> {
        self.children_with(i, rel).next()
    }

    /// Clause `i` is introduced by the marker `word` ("*to* send aid", "*of* shelling", "*that* it
    /// had").
    pub fn has_mark(&self, i: u32, word: &str) -> bool {
        self.children(i).iter().any(|&k| self.base_rel(k) == "mark" && self.word(k).eq_ignore_ascii_case(word))
    }

    /// Clause `i` has a subordinating marker ("to", "by", "if", …); a bare participle has none.
    pub fn has_any_mark(&self, i: u32) -> bool {
        self.children(i).iter().any(|&k| self.base_rel(k) == "mark")
    }

    /// The word that clause `i` is the clausal complement of, when it comes before the clause:
    /// "said" for "said *the talks failed*".
    pub fn reporter_of(&self, i: u32) -> Option<u32> {
        self.head(i).filter(|&h| h < i && self.base_rel(i) == "ccomp")
    }

    /// The lowercased case marker (preposition) of a nominal: "with" for "with Lavrov".
    /// Multi-word markers are joined with a space ("because of").
    pub fn case_marker(&self, i: u32) -> Option<String> {
        let mut marks = self.children(i).iter().copied().filter(|&c| c < i && self.base_rel(c) == "case");
        let mut marker = self.word(marks.next()?).to_lowercase();
        for c in marks {
            marker.push(' ');
            marker.push_str(&self.word(c).to_lowercase());
        }
        Some(marker)
    }

    /// Token `i` and all its descendants, as a sorted list of document indices.
    pub fn subtree(&self, i: u32) -> Vec<u32> {
        // Room for the whole sentence (every child and the root): no regrowing.
        let mut out = Vec::with_capacity(self.children.len() + 1);
        out.push(i);
        let mut k = 0;
        while k < out.len() {
            let c = out[k];
            out.extend_from_slice(self.children(c));
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// Whether token `i` is negated by a dependent of its own: "not", "n't" (or "n’t") or "never"
    /// (as `advmod`), or "no" as a determiner of a noun ("no invasion").
    pub fn is_negated(&self, i: u32) -> bool {
        self.children(i).iter().any(|&c| {
            matches!(self.base_rel(c), "advmod" | "det" | "neg")
                && ["not", "n't", "n’t", "n`t", "never", "no"].iter().any(|n| self.word(c).eq_ignore_ascii_case(n))
        })
    }

    /// Whether verb `i` asks that its subject go unnamed: "asked not to be named", "declined to
    /// be identified", "requested anonymity", "asked that his name not be used". News uses it
    /// of sources; it is neither an appeal nor a statement.
    pub fn requests_anonymity(&self, i: u32) -> bool {
        const ASKING: &[&str] = &["ask", "request", "decline", "refuse", "prefer", "demand", "insist", "seek", "want", "agree"];
        const NAMING: &[&str] = &["name", "identify", "quote", "cite", "use", "publish", "disclose", "reveal", "attribute"];
        if !ASKING.iter().any(|w| self.lemma(i).eq_ignore_ascii_case(w)) {
            return false;
        }
        self.children(i).iter().any(|&c| match self.base_rel(c) {
            "obj" | "obl" => self.lemma(c).eq_ignore_ascii_case("anonymity"),
            // "to be named", "(that) his name not be used".
            "xcomp" | "ccomp" => {
                NAMING.iter().any(|w| self.lemma(c).eq_ignore_ascii_case(w))
                    && (self.is_passive(c) || self.children_with(c, "nsubj:pass").any(|s| self.lemma(s).eq_ignore_ascii_case("name")))
            }
            _ => false,
        })
    }

    /// Whether verb `i` is passive: it has a passive subject or a passive auxiliary.
    pub fn is_passive(&self, i: u32) -> bool {
        self.children(i).iter().any(|&c| matches!(self.deprel(c), "nsubj:pass" | "aux:pass" | "csubj:pass"))
    }

    /// Token `i` followed by the tokens conjoined to it ("troops and tanks" → both heads),
    /// in text order.
    pub fn conjuncts(&self, i: u32) -> Vec<u32> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let c = out[k];
            out.extend(self.children_with(c, "conj"));
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// The noun a relative clause's pronoun `pronoun` stands for: "Orban" for the "who" of
    /// "Orban, who has resisted …", the Emirates for the "which" of "the Emirates, which the
    /// army accuses of …".
    pub fn relative_antecedent(&self, pronoun: u32) -> Option<u32> {
        let clause = self.head(pronoun).filter(|&v| self.deprel(v) == "acl:relcl")?;
        self.head(clause)
    }

    /// Ancestors of `i` from its head up to the root.
    pub fn ancestors(&self, i: u32) -> impl Iterator<Item = u32> + '_ {
        let mut cur = Some(i);
        let mut steps = 0;
        std::iter::from_fn(move || {
            // A malformed head chain cannot loop forever.
            steps += 1;
            if steps > 512 {
                return None;
            }
            cur = cur.and_then(|c| self.head(c));
            cur
        })
    }
}
