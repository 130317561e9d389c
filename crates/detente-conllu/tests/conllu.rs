use detente_conllu::{
    space_after, write_document, write_document_with, Columns, ConlluSentence, Error, Reader,
};
use detente_core::{data::data_file, Document, Meta, Sentence, Span, Token};
use std::fs::File;
use std::io::BufReader;

const SNIPPET: &str = "\
# newdoc id = talks
# newpar id = talks-p1
# sent_id = talks-1
# text = Ministers won't sign the accord.
1\tMinisters\tminister\tNOUN\tNNS\tNumber=Plur\t4\tnsubj\t4:nsubj\t_
2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_
2\two\twill\tAUX\tMD\tVerbForm=Fin\t4\taux\t4:aux\t_
3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t4:advmod\t_
4\tsign\tsign\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\t_
4.1\tsign\tsign\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4
5\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t6\tdet\t6:det\t_
6\taccord\taccord\tNOUN\tNN\tNumber=Sing\t4\tobj\t4:obj\tSpaceAfter=No|Gloss=deal
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_

# sent_id = talks-2
# text = Talks resume Monday.
1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t2:nsubj\t_
2\tresume\tresume\tVERB\tVBP\t_\t0\troot\t0:root\t_
3\tMonday\tMonday\tPROPN\tNNP\tNumber=Sing\t2\tobl:tmod\t2:obl:tmod\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_


# newdoc
# newpar
# newpar_block = p (1 s)
#sent_id = other-1
# text = Quiet day.
1\tQuiet\tquiet\tADJ\tJJ\tDegree=Pos\t2\tamod\t2:amod\t_
2\tday\tday\tNOUN\tNN\tNumber=Sing\t0\troot\t0:root\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_";

fn read_all(conllu: &str) -> Result<Vec<ConlluSentence>, Error> {
    Reader::new(conllu.as_bytes()).collect()
}

fn error_of(conllu: &str) -> String {
    read_all(conllu).expect_err("malformed CoNLL-U must be rejected").to_string()
}

#[test]
fn reads_comments_words_and_multiwords() {
    let sentences = read_all(SNIPPET).unwrap();
    assert_eq!(sentences.len(), 3);

    let s = &sentences[0];
    assert_eq!(s.newdoc.as_deref(), Some("talks"));
    assert!(s.newpar);
    assert_eq!(s.sent_id.as_deref(), Some("talks-1"));
    assert_eq!(s.text.as_deref(), Some("Ministers won't sign the accord."));
    assert_eq!(s.comments[0], "newdoc id = talks");
    assert_eq!(s.comments.len(), 4);
    assert_eq!(s.words.len(), 7, "the empty node 4.1 is skipped");
    let wo = &s.words[1];
    assert_eq!((wo.id, wo.form.as_str(), wo.lemma.as_str()), (2, "wo", "will"));
    assert_eq!(
        (wo.upos.as_str(), wo.xpos.as_str(), wo.feats.as_str()),
        ("AUX", "MD", "VerbForm=Fin")
    );
    assert_eq!((wo.head, wo.deprel.as_str(), wo.deps.as_str()), (Some(4), "aux", "4:aux"));
    assert_eq!(s.words[3].head, Some(0));
    assert_eq!(s.words[2].feats, "Polarity=Neg");
    assert_eq!(s.words[4].feats, "Definite=Def|PronType=Art");
    assert_eq!(s.words[0].misc, "_");
    assert_eq!(s.multiwords.len(), 1);
    let wont = &s.multiwords[0];
    assert_eq!(
        (wont.first, wont.last, wont.form.as_str(), wont.misc.as_str()),
        (2, 3, "won't", "_")
    );
    assert_eq!(
        s.surface_forms().collect::<Vec<_>>(),
        ["Ministers", "won't", "sign", "the", "accord", "."]
    );

    let accord = &s.words[5];
    assert!(!space_after(&accord.misc));
    assert!(space_after(&s.words[6].misc));
    assert_eq!(accord.misc_get("Gloss"), Some("deal"));
    assert_eq!(accord.misc_get("SpaceAfter"), Some("No"));
    assert_eq!(accord.misc_get("Glos"), None);

    let s = &sentences[1];
    assert_eq!((s.newdoc.as_deref(), s.newpar), (None, false));
    assert_eq!(s.words.len(), 4);

    let s = &sentences[2];
    assert_eq!(s.newdoc.as_deref(), Some(""), "bare `# newdoc` has an empty id");
    assert!(s.newpar);
    assert_eq!(s.sent_id.as_deref(), Some("other-1"), "`#sent_id` without a space");
    assert_eq!(s.comments[2], "newpar_block = p (1 s)");
    assert_eq!(s.text.as_deref(), Some("Quiet day."));
}

#[test]
fn errors_name_the_line_and_the_problem() {
    let columns = error_of("# text = a\n1\ta\t_\t_\t_\t_\t0\troot\t_\n");
    assert_eq!(columns, "CoNLL-U line 2: expected 10 tab-separated columns, found 9");

    let bad_id = error_of("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\nx\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n");
    assert_eq!(bad_id, "CoNLL-U line 2: bad word id \"x\"");

    let gap = error_of("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n3\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n");
    assert_eq!(gap, "CoNLL-U line 2: word id 3 out of sequence, expected 2");

    let bad_head = error_of("\n\n1\ta\t_\t_\t_\t_\troot\troot\t_\t_\n");
    assert_eq!(bad_head, "CoNLL-U line 3: bad head \"root\"");

    let far_head = error_of("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t5\tdep\t_\t_\n\n");
    assert_eq!(far_head, "CoNLL-U line 2: head 5 is past the sentence's last word 2");

    let range = error_of("1-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n");
    assert_eq!(range, "CoNLL-U line 1: multiword range end 3 is past the sentence's last word 2");

    let no_words = error_of("# text = nothing\n\n");
    assert_eq!(no_words, "CoNLL-U line 1: sentence block has no word lines");

    let late_comment = error_of("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n# text = a\n");
    assert_eq!(late_comment, "CoNLL-U line 2: comment line among the word lines of a sentence");
}

#[test]
fn reader_stops_after_an_error() {
    let mut reader = Reader::new("1\ta\n\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n".as_bytes());
    assert!(reader.next().unwrap().is_err());
    assert!(reader.next().is_none());
}

/// A document whose tokens are found in `text` left to right; a token written
/// `did~` is `did`, joined to the next one.
fn document(text: &str, sentences: &[(u32, &[&str])]) -> Document {
    let mut doc = Document::new("d1", text, Meta::english());
    let mut pos = 0;
    for &(paragraph, tokens) in sentences {
        let first = doc.tokens.len() as u32;
        for &t in tokens {
            let (form, joined) = t.strip_suffix('~').map_or((t, false), |f| (f, true));
            let start = pos + text[pos..].find(form).expect("token in text");
            pos = start + form.len();
            let space_after = text[pos..].starts_with(char::is_whitespace);
            doc.tokens.push(Token { span: Span::new(start, pos), space_after, joined });
        }
        let start = doc.tokens[first as usize].span.start;
        let end = doc.tokens.last().unwrap().span.end;
        doc.sentences.push(Sentence {
            span: Span { start, end },
            tokens: first..doc.tokens.len() as u32,
            paragraph,
        });
    }
    doc
}

fn example() -> Document {
    document(
        "Talks didn't resume.\n\nThe envoy\nleft (again). Nobody can't\tsay.",
        &[
            (0, &["Talks", "did~", "n't", "resume", "."]),
            (1, &["The", "envoy", "left", "(", "again", ")", "."]),
            (1, &["Nobody", "ca~", "n't", "say", "."]),
        ],
    )
}

#[test]
fn writes_documents_as_ud_does() {
    let mut out = Vec::new();
    write_document(&example(), &mut out).unwrap();
    let expected = "\
# newdoc id = d1
# newpar
# sent_id = d1-1
# text = Talks didn't resume.
1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\t_\t_\t_\t_\t_\t_\t_\t_
3\tn't\t_\t_\t_\t_\t_\t_\t_\t_
4\tresume\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
5\t.\t_\t_\t_\t_\t_\t_\t_\t_

# newpar
# sent_id = d1-2
# text = The envoy left (again).
1\tThe\t_\t_\t_\t_\t_\t_\t_\t_
2\tenvoy\t_\t_\t_\t_\t_\t_\t_\t_
3\tleft\t_\t_\t_\t_\t_\t_\t_\t_
4\t(\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
5\tagain\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
6\t)\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
7\t.\t_\t_\t_\t_\t_\t_\t_\t_

# sent_id = d1-3
# text = Nobody can't say.
1\tNobody\t_\t_\t_\t_\t_\t_\t_\t_
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
2\tca\t_\t_\t_\t_\t_\t_\t_\t_
3\tn't\t_\t_\t_\t_\t_\t_\t_\t_
4\tsay\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
5\t.\t_\t_\t_\t_\t_\t_\t_\t_

";
    assert_eq!(String::from_utf8(out).unwrap(), expected);
}

#[test]
fn written_documents_read_back() {
    let doc = example();
    let columns = |i: usize| Columns { upos: format!("U{i}"), head: Some(0), ..Columns::default() };
    let mut out = Vec::new();
    write_document_with(&doc, &columns, &mut out).unwrap();
    let sentences = read_all(std::str::from_utf8(&out).unwrap()).unwrap();

    assert_eq!(sentences.len(), 3);
    assert_eq!(sentences[0].newdoc.as_deref(), Some("d1"));
    assert_eq!(sentences.iter().map(|s| s.newpar).collect::<Vec<_>>(), [true, true, false]);
    let first = &sentences[0];
    assert_eq!(first.multiwords[0].form, "didn't");
    assert_eq!((first.multiwords[0].first, first.multiwords[0].last), (2, 3));
    assert_eq!(first.words[1].upos, "U1");
    assert_eq!(first.words[1].lemma, "_");
    assert_eq!(first.words[1].head, Some(0));
    assert_eq!(sentences[2].words[4].upos, "U16");
    assert_eq!(sentences[2].words[3].form, "say");

    // Forms and SpaceAfter rebuild each sentence's text.
    for s in &sentences {
        let mut rebuilt = String::new();
        for (form, misc) in surface_tokens_with_misc(s) {
            rebuilt.push_str(form);
            if space_after(misc) {
                rebuilt.push(' ');
            }
        }
        assert_eq!(rebuilt.trim_end(), s.text.as_deref().unwrap());
    }
}

/// Each surface token's form and the MISC that holds its `SpaceAfter`.
fn surface_tokens_with_misc(s: &ConlluSentence) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut id = 1;
    while let Some(word) = s.words.get(id as usize - 1) {
        match s.multiwords.iter().find(|m| m.first == id) {
            Some(m) => {
                out.push((m.form.as_str(), m.misc.as_str()));
                id = m.last + 1;
            }
            None => {
                out.push((word.form.as_str(), word.misc.as_str()));
                id += 1;
            }
        }
    }
    out
}

#[test]
fn reads_the_ewt_dev_set() {
    let path = data_file("ud-english-ewt/en_ewt-ud-dev.conllu").unwrap_or_else(|e| panic!("{e}"));
    let file = File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sentences = Reader::new(BufReader::new(file))
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(sentences.len(), 2001);
    for s in &sentences {
        let text = s.text.as_deref().unwrap_or_else(|| panic!("{:?} has no text", s.sent_id));
        assert!(s.sent_id.is_some());
        // The surface forms are the text with its spaces removed.
        let forms: String = s.surface_forms().collect();
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(forms, squeezed, "{:?}", s.sent_id);
    }
    assert!(sentences.iter().any(|s| !s.multiwords.is_empty()));
    assert!(sentences.iter().filter(|s| s.newdoc.is_some()).count() > 1);
}
