//! The multiclass averaged perceptron that trains Detente's linear models.

use crate::hash::KeyIndex;

/// A multiclass averaged perceptron over hashed features.
///
/// Weights are integers (every update is ±1), and the average uses the
/// "lazy" identity `avg = w - u / t` where `u` accumulates `t · δ` at each
/// update: no per-weight timestamps, and the arithmetic is exact, so the
/// same training order always yields the same model bytes. Rows are created
/// only when a feature is first updated, keeping memory proportional to the
/// features that ever mattered.
pub struct Perceptron {
    classes: usize,
    index: KeyIndex,
    keys: Vec<u64>,
    w: Vec<i32>,
    u: Vec<i64>,
    t: i64,
}

impl Perceptron {
    pub fn new(classes: usize) -> Perceptron {
        Perceptron {
            classes,
            index: KeyIndex::default(),
            keys: Vec::new(),
            w: Vec::new(),
            u: Vec::new(),
            t: 1,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Rows created so far.
    pub fn rows(&self) -> usize {
        self.keys.len()
    }

    /// Current (not averaged) scores, as used for greedy decoding in training.
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        for &f in features {
            if let Some(row) = self.index.get(f) {
                let row = row as usize * self.classes;
                for (s, w) in scores.iter_mut().zip(&self.w[row..row + self.classes]) {
                    *s += w;
                }
            }
        }
    }

    /// Moves the weights of `features` towards `gold` and away from `guess`.
    pub fn update<'a>(
        &mut self,
        features: impl IntoIterator<Item = &'a u64>,
        gold: usize,
        guess: usize,
    ) {
        if gold == guess {
            return;
        }
        for &f in features {
            let next = self.keys.len() as u32;
            let row = self.index.get_or_insert(f, || next) as usize;
            if row == self.keys.len() {
                self.keys.push(f);
                self.w.resize(self.w.len() + self.classes, 0);
                self.u.resize(self.u.len() + self.classes, 0);
            }
            let base = row * self.classes;
            self.w[base + gold] += 1;
            self.u[base + gold] += self.t;
            self.w[base + guess] -= 1;
            self.u[base + guess] -= self.t;
        }
    }

    /// Counts one training example (the averaging clock).
    pub fn tick(&mut self) {
        self.t += 1;
    }

    /// Calls `row` with each feature key, in creation order, and its averaged
    /// weights quantised to `i16` as `(class, weight)`, ascending by class.
    /// Entries whose averaged magnitude is below `prune` (in update units)
    /// are dropped, and rows left empty skipped: such weights barely move a
    /// score and would dominate the size. One scale serves the whole model,
    /// since only the argmax matters.
    pub fn averaged(&self, prune: f64, mut row: impl FnMut(u64, &[(usize, i16)])) {
        let t = self.t as f64;
        let avg = |i: usize| f64::from(self.w[i]) - self.u[i] as f64 / t;
        let max = (0..self.w.len())
            .map(|i| avg(i).abs())
            .fold(0.0, f64::max)
            .max(1e-9);
        let scale = f64::from(i16::MAX) / max;
        let mut entries = Vec::with_capacity(self.classes);
        for (r, &key) in self.keys.iter().enumerate() {
            entries.clear();
            for c in 0..self.classes {
                let a = avg(r * self.classes + c);
                let q = (a * scale).round() as i16;
                if a.abs() >= prune && q != 0 {
                    entries.push((c, q));
                }
            }
            if !entries.is_empty() {
                row(key, &entries);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perceptron_learns_a_separable_problem_and_averages() {
        // Class = which of features 10/11/12 is present; 99 is noise.
        let data = [(vec![10u64, 99], 0), (vec![11, 99], 1), (vec![12, 99], 2)];
        let mut p = Perceptron::new(3);
        for _ in 0..5 {
            for (f, gold) in &data {
                let mut s = [0; 3];
                p.add_scores(f, &mut s);
                let guess = (0..3)
                    .max_by_key(|&c| (s[c], std::cmp::Reverse(c)))
                    .unwrap();
                p.update(f, *gold, guess);
                p.tick();
            }
        }
        let mut rows = std::collections::HashMap::new();
        p.averaged(0.0, |key, row| {
            rows.insert(key, row.to_vec());
        });
        for (f, gold) in &data {
            let mut s = [0i32; 3];
            for (c, w) in f.iter().filter_map(|k| rows.get(k)).flatten() {
                s[*c] += i32::from(*w);
            }
            let best = (0..3).max_by_key(|&c| s[c]).unwrap();
            assert_eq!(best, *gold, "scores {s:?}");
        }
    }
}
