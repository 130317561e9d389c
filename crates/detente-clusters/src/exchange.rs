//! The exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney
//! 1998) over a two-sided class-bigram objective.
//!
//! A clustering `c` of the vocabulary is scored by how well the classes
//! predict a word's neighbours: the log-likelihood of the text under the
//! forward model `P(c(w_i) | w_{i-1}) P(w_i | c(w_i))` plus that under the
//! backward model `P(c(w_i) | w_{i+1}) P(w_i | c(w_i))`. Up to terms that do
//! not depend on `c`, with `F(x) = x ln x`, `N(v, k)` the number of times a
//! word of class `k` follows word `v`, `M(u, k)` the number of times one
//! precedes `u`, and `N(k)` the class's token count, that is
//!
//! ```text
//! J(c) = Σ_v Σ_k F(N(v, k)) + Σ_u Σ_k F(M(u, k)) − 2 Σ_k F(N(k))
//! ```
//!
//! Words are visited in order of frequency; each is taken out of its class
//! and put into the class that makes `J` largest (its own on a tie), until
//! an iteration moves almost no word. Conditioning on the neighbouring
//! *word* rather than its class (the "predictive" form of Uszkoreit & Brants
//! 2008) keeps a move sparse: only the rows `N(v, ·)` of the words `v`
//! next to `w` change, and for a class `k` with `N(v, k) = 0` the gain of
//! adding `w`'s `x` bigrams is the constant `F(x)`, so the gain of every
//! class is found by walking the non-zero cells of those rows only.

/// `F(x) = x ln x` with `F(0) = 0`, tabulated for small counts.
struct XLogX(Vec<f64>);

impl XLogX {
    const TABLE: usize = 1 << 16;

    fn new() -> XLogX {
        XLogX(
            (0..XLogX::TABLE)
                .map(|x| {
                    if x == 0 {
                        0.0
                    } else {
                        x as f64 * (x as f64).ln()
                    }
                })
                .collect(),
        )
    }

    #[inline]
    fn f(&self, x: u32) -> f64 {
        match self.0.get(x as usize) {
            Some(&v) => v,
            None => f64::from(x) * f64::from(x).ln(),
        }
    }
}

/// Sparse counts of classes: `(class, count)` pairs, unordered, no zero
/// counts.
#[derive(Clone, Default)]
struct Row(Vec<(u32, u32)>);

impl Row {
    fn add(&mut self, class: u32, x: u32) {
        match self.0.iter_mut().find(|(c, _)| *c == class) {
            Some((_, n)) => *n += x,
            None => self.0.push((class, x)),
        }
    }

    fn sub(&mut self, class: u32, x: u32) {
        let k = self
            .0
            .iter()
            .position(|(c, _)| *c == class)
            .expect("a word's class is counted in its neighbours' rows");
        self.0[k].1 -= x;
        if self.0[k].1 == 0 {
            self.0.swap_remove(k);
        }
    }
}

/// The bigram statistics of a text over word ids `0..vocab`.
pub(crate) struct Bigrams {
    /// Token count of each word.
    pub count: Vec<u32>,
    /// Per word `w`: the words before it, with how often (`N(v, w)`).
    before: Vec<Vec<(u32, u32)>>,
    /// Per word `w`: the words after it, with how often.
    after: Vec<Vec<(u32, u32)>>,
}

impl Bigrams {
    /// Counts the bigrams of a stream of word ids.
    pub fn new(vocab: usize, stream: &[u32]) -> Bigrams {
        let mut count = vec![0u32; vocab];
        for &w in stream {
            count[w as usize] += 1;
        }
        let mut pairs: Vec<(u32, u32)> = stream.windows(2).map(|p| (p[0], p[1])).collect();
        pairs.sort_unstable();
        let mut before = vec![Vec::new(); vocab];
        let mut after = vec![Vec::new(); vocab];
        let mut k = 0;
        while k < pairs.len() {
            let pair = pairs[k];
            let mut n = 0;
            while k < pairs.len() && pairs[k] == pair {
                n += 1;
                k += 1;
            }
            after[pair.0 as usize].push((pair.1, n));
            before[pair.1 as usize].push((pair.0, n));
        }
        Bigrams {
            count,
            before,
            after,
        }
    }

    /// Distinct bigrams.
    pub fn types(&self) -> usize {
        self.after.iter().map(Vec::len).sum()
    }
}

/// One finished iteration, for progress reports.
#[derive(Clone, Copy, Debug)]
pub struct Iteration {
    pub iteration: usize,
    /// Words that changed class.
    pub moved: usize,
    /// `J` divided by the number of tokens (higher is better).
    pub objective: f64,
}

/// Improves `class` (a class below `classes` for every word) by the
/// exchange algorithm; words `fixed` are never moved. Stops after
/// `max_iterations`, or when an iteration moves fewer than `min_moved`
/// words. Deterministic: words are visited in id order and ties go to the
/// word's own class, then to the lowest class.
pub(crate) fn exchange(
    bigrams: &Bigrams,
    classes: usize,
    class: &mut [u32],
    fixed: &[bool],
    max_iterations: usize,
    min_moved: usize,
    progress: &mut dyn FnMut(Iteration),
) {
    let vocab = class.len();
    let xlogx = XLogX::new();
    // fwd[v]: N(v, ·); bwd[u]: M(u, ·); total[k]: N(k).
    let mut fwd = vec![Row::default(); vocab];
    let mut bwd = vec![Row::default(); vocab];
    let mut total = vec![0u32; classes];
    for w in 0..vocab {
        let c = class[w];
        total[c as usize] += bigrams.count[w];
        for &(v, x) in &bigrams.before[w] {
            fwd[v as usize].add(c, x);
        }
        for &(u, x) in &bigrams.after[w] {
            bwd[u as usize].add(c, x);
        }
    }
    let tokens: f64 = bigrams.count.iter().map(|&n| f64::from(n)).sum();
    let objective = |fwd: &[Row], bwd: &[Row], total: &[u32]| {
        let cells: f64 = fwd
            .iter()
            .chain(bwd)
            .flat_map(|r| r.0.iter())
            .map(|&(_, n)| xlogx.f(n))
            .sum();
        let margins: f64 = total.iter().map(|&n| xlogx.f(n)).sum();
        (cells - 2.0 * margins) / tokens.max(1.0)
    };
    let mut gain = vec![0f64; classes];
    for iteration in 1..=max_iterations {
        let mut moved = 0;
        for w in 0..vocab {
            let from = class[w];
            if fixed[w] {
                continue;
            }
            let n = bigrams.count[w];
            // Take w out of its class.
            for &(v, x) in &bigrams.before[w] {
                fwd[v as usize].sub(from, x);
            }
            for &(u, x) in &bigrams.after[w] {
                bwd[u as usize].sub(from, x);
            }
            total[from as usize] -= n;
            // The gain of each class, less the constant Σ F(x) of the
            // neighbour counts (the gain where every cell is empty).
            for (k, g) in gain.iter_mut().enumerate() {
                *g = -2.0 * (xlogx.f(total[k] + n) - xlogx.f(total[k]));
            }
            for (rows, neighbours) in [(&fwd, &bigrams.before[w]), (&bwd, &bigrams.after[w])] {
                for &(v, x) in neighbours {
                    let fx = xlogx.f(x);
                    for &(k, m) in &rows[v as usize].0 {
                        gain[k as usize] += xlogx.f(m + x) - xlogx.f(m) - fx;
                    }
                }
            }
            let mut best = from;
            for (k, &g) in gain.iter().enumerate() {
                if g > gain[best as usize] {
                    best = k as u32;
                }
            }
            // Put it into the best class.
            for &(v, x) in &bigrams.before[w] {
                fwd[v as usize].add(best, x);
            }
            for &(u, x) in &bigrams.after[w] {
                bwd[u as usize].add(best, x);
            }
            total[best as usize] += n;
            if best != from {
                class[w] = best;
                moved += 1;
            }
        }
        progress(Iteration {
            iteration,
            moved,
            objective: objective(&fwd, &bwd, &total),
        });
        if moved < min_moved {
            break;
        }
    }
}
