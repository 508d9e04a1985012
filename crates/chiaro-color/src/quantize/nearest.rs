//! Exact nearest-colour search: [`Nearest`], built once per palette.
//!
//! # How
//!
//! The metric's space is cut into a grid of boxes: 32 × 32 × 32 boxes of 8 × 8 × 8
//! colours for [`Metric::Rgb`]; for [`Metric::Oklab`], 64 × 32 × 32 boxes about 0.016
//! wide on each of `L`, `a` and `b` (a uniform grid in a uniform space: near-black
//! colours, far apart in Oklab, do not share a box). Each box gets a list of the
//! palette entries that can be nearest to *some* point in it: with `max(e)` the largest
//! and `min(e)` the smallest distance from entry `e` to the box, an entry is kept when
//! `min(e) ≤ minₓ max(x)`. (Every point in the box has some entry within `minₓ max(x)`,
//! so an entry farther than that from the whole box can never win, nor tie.) A list is
//! sorted by `min(e)`; a query scans its box's list computing real distances and stops
//! at the first entry whose `min(e)` exceeds the best distance found. The answer is the
//! one a brute-force scan gives, ties going to the lowest index (tested against brute
//! force for both metrics). Bounds carry margins for `f32` rounding; a point outside
//! the grid (impossible for 8-bit colours) is answered by brute force.
//!
//! The lists are built top-down by halving regions of boxes. A region filters its
//! parent's list by the rule above, then drops each entry that one of three pivots
//! (the entries with the smallest `max`) is nearer to at every point of the region:
//! `|q − e|² − |q − f|²` is linear in `q`, so its least value over a box is at a
//! corner. That second rule is what keeps lists short far from a palette crowded into
//! one part of the space, where distances alone keep the whole crowd. A region stops
//! dividing once its list has at most 12 entries; its boxes share that list. Oklab
//! regions that cannot hold an sRGB colour (a conservative interval test through the
//! inverse transform) are skipped. Building takes a few milliseconds for 256 entries,
//! less for fewer; storage is capped at 256 Ki candidates, past which boxes share the
//! full list.
//!
//! Why a grid rather than a k-d tree: with at most 256 points in three dimensions, a
//! query's cost is the length of the scanned list (typically a few entries), with no
//! descent or backtracking, and the box is found by arithmetic.
//!
//! In whole-image loops a small direct-mapped cache keyed by the 24-bit colour sits in
//! front, and on a miss the previous pixel's answer is tried first: an entry `e` whose
//! distance to the colour is less than half the distance from `e` to every other entry
//! is nearest by the triangle inequality, with no list scan.

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{Rgb8, Rgba8};

use super::metric::{Metric, dist2};
use super::palette::Palette;
use crate::space::{LINEAR_SRGB_TO_LMS, LMS_TO_OKLAB, matrix};

/// A uniform grid over a metric's space: `n[k]` boxes of width `width[k]` from
/// `origin[k]` along axis `k`.
#[derive(Clone, Copy, Debug)]
struct Layout {
    origin: [f32; 3],
    width: [f32; 3],
    /// `1 / width`.
    inv_width: [f32; 3],
    n: [usize; 3],
}

impl Layout {
    const fn of(metric: Metric) -> Self {
        match metric {
            Metric::Rgb => Self {
                origin: [0.0; 3],
                width: [8.0; 3],
                inv_width: [1.0 / 8.0; 3],
                n: [32; 3],
            },
            // sRGB's gamut spans L ∈ [0, 1], a ∈ [−0.234, 0.277], b ∈ [−0.312, 0.199].
            Metric::Oklab => Self {
                origin: [-0.001, -0.24, -0.32],
                width: [1.002 / 64.0, 0.52 / 32.0, 0.52 / 32.0],
                inv_width: [64.0 / 1.002, 32.0 / 0.52, 32.0 / 0.52],
                n: [64, 32, 32],
            },
        }
    }

    const fn cells(self) -> usize {
        self.n[0] * self.n[1] * self.n[2]
    }

    /// The box holding `p`, or `None` outside the grid.
    #[inline(always)]
    fn cell(self, p: [f32; 3]) -> Option<usize> {
        let mut cell = 0;
        for (((&v, &origin), &inv), &n) in
            p.iter().zip(&self.origin).zip(&self.inv_width).zip(&self.n)
        {
            let t = (v - origin) * inv;
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "checked to be in 0..n just below"
            )]
            let i = t as usize;
            if !(t >= 0.0 && i < n) {
                return None;
            }
            cell = cell * n + i;
        }
        Some(cell)
    }

    /// The bounds of the boxes `region[k].0 ≤ i < region[k].1`, widened by a
    /// ten-thousandth of a box so that rounding in [`cell`](Self::cell) cannot place a
    /// point outside the box it names.
    fn bounds(self, region: [(usize, usize); 3]) -> ([f32; 3], [f32; 3]) {
        let mut lo = [0.0; 3];
        let mut hi = [0.0; 3];
        for k in 0..3 {
            #[expect(clippy::cast_precision_loss, reason = "at most 64")]
            let (i0, i1) = (region[k].0 as f32, region[k].1 as f32);
            let pad = self.width[k] * 1e-4;
            lo[k] = self.origin[k] + i0 * self.width[k] - pad;
            hi[k] = self.origin[k] + i1 * self.width[k] + pad;
        }
        (lo, hi)
    }
}

/// A candidate in a list: its point (copied, so a scan reads one array), a lower bound
/// on its distance to any point in the region the list was made for, and its index.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    point: [f32; 3],
    bound: f32,
    index: u8,
}

/// A scan computes this many distances between checks of the next candidate's bound:
/// fewer unpredictable branches than checking every candidate.
const CHUNK: usize = 8;

/// A region whose list is at most this long is not divided further: all its boxes use
/// its list.
const SHORT_LIST: usize = 12;
/// Most candidates stored over all lists (2 MiB); past it, boxes use the root's list of
/// every entry. Typical palettes use a small fraction.
const MAX_CANDIDATES: usize = 1 << 18;
/// The range of a box that no 8-bit colour can fall in: answered by brute force.
const OUT_OF_GAMUT: (u32, u32) = (u32::MAX, 0);

/// The box lists over up to 256 points in a metric's space. Shared by [`Nearest`] and
/// the quantizer's k-means passes, whose points are not 8-bit colours.
#[derive(Clone, Debug)]
pub(crate) struct Grid {
    layout: Layout,
    points: Vec<[f32; 3]>,
    /// The indices a search may return: the first of each distinct eligible point.
    eligible: Vec<u8>,
    /// Box `c`'s list is `candidates[ranges[c].0..][..ranges[c].1]`.
    ranges: Vec<(u32, u32)>,
    candidates: Vec<Candidate>,
}

/// State of the top-down build.
struct Builder<'a> {
    metric: Metric,
    layout: Layout,
    points: &'a [[f32; 3]],
    /// `|p|²` of each point.
    norms: Vec<f32>,
    /// The candidate sets of the regions being refined, innermost last.
    stack: Vec<u8>,
    /// Scratch: the farthest distance to the current region of each parent candidate,
    /// then of each kept one.
    far: Vec<f32>,
    kept_far: Vec<f32>,
    ranges: Vec<(u32, u32)>,
    candidates: Vec<Candidate>,
}

/// Pivots tried against each candidate in [`Builder::prune_dominated`].
const PIVOTS: usize = 3;

impl Builder<'_> {
    /// Stores the list `stack[from..][..len]` with bounds for the box `lo..hi`.
    fn store(&mut self, from: usize, len: usize, lo: [f32; 3], hi: [f32; 3]) -> (u32, u32) {
        let s = self.candidates.len();
        for j in from..from + len {
            let index = self.stack[j];
            // Margin for rounding: bounds may only be lowered.
            let bound = min_dist2(self.points[usize::from(index)], lo, hi) * (1.0 - 1e-5);
            self.candidates.push(Candidate {
                point: self.points[usize::from(index)],
                bound,
                index,
            });
        }
        self.candidates[s..]
            .sort_unstable_by(|a, b| a.bound.total_cmp(&b.bound).then(a.index.cmp(&b.index)));
        (
            u32::try_from(s).unwrap_or(u32::MAX),
            u32::try_from(len).unwrap_or(0),
        )
    }

    /// Drops from `stack[start..]` (whose farthest distances are in `kept_far`) the
    /// entries that one of a few pivots is nearer to than they are at every point of
    /// the box `lo..hi`: such an entry can never be the answer there. The pivots are
    /// the entries with the smallest farthest distance. This is what keeps lists short
    /// far from a crowded palette, where the distance rule alone keeps every entry of
    /// the crowd.
    fn prune_dominated(&mut self, start: usize, lo: [f32; 3], hi: [f32; 3]) {
        let len = self.stack.len() - start;
        if len <= 1 {
            return;
        }
        let mut pivots = [(f32::INFINITY, 0u8); PIVOTS];
        for (&i, &f) in self.stack[start..].iter().zip(&self.kept_far) {
            if f < pivots[PIVOTS - 1].0 {
                pivots[PIVOTS - 1] = (f, i);
                pivots.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            }
        }
        let pivots = &pivots[..len.min(PIVOTS)];
        let corner: f32 = (0..3).map(|k| (lo[k] * lo[k]).max(hi[k] * hi[k])).sum();
        let mut keep = start;
        for j in 0..len {
            let e = self.stack[start + j];
            let (pe, ne, fe) = (
                self.points[usize::from(e)],
                self.norms[usize::from(e)],
                self.kept_far[j],
            );
            let dominated = pivots.iter().any(|&(ff, f)| {
                let (pf, nf) = (self.points[usize::from(f)], self.norms[usize::from(f)]);
                // |q − e|² − |q − f|² = 2q·(f − e) + |e|² − |f|² is linear in q, so its
                // least value over the box is at the corner the signs of f − e pick.
                let mut least = ne - nf;
                for k in 0..3 {
                    let c = 2.0 * (pf[k] - pe[k]);
                    least += if c >= 0.0 { c * lo[k] } else { c * hi[k] };
                }
                // Rounding in this sum and in the distances a query computes is a few
                // ulp of the largest terms.
                f != e && least > (fe + ff + ne + nf + corner) * 1e-5
            });
            if !dominated {
                self.stack[keep] = e;
                keep += 1;
            }
        }
        self.stack.truncate(keep);
    }

    /// Gives every box of `region` the list `range`.
    fn assign(&mut self, region: [(usize, usize); 3], range: (u32, u32)) {
        let n = self.layout.n;
        for i in region[0].0..region[0].1 {
            for j in region[1].0..region[1].1 {
                for k in region[2].0..region[2].1 {
                    if let Some(r) = self.ranges.get_mut((i * n[1] + j) * n[2] + k) {
                        *r = range;
                    }
                }
            }
        }
    }

    /// Makes the lists of `region`, whose parent's candidates are
    /// `stack[parent.0..][..parent.1]`; `root` is the list of every entry.
    fn region(&mut self, region: [(usize, usize); 3], parent: (usize, usize), root: (u32, u32)) {
        let (lo, hi) = self.layout.bounds(region);
        if self.metric == Metric::Oklab && !may_hold_srgb(lo, hi) {
            self.assign(region, OUT_OF_GAMUT);
            return;
        }
        let (from, count) = parent;
        self.far.clear();
        let mut threshold = f32::INFINITY;
        for &i in &self.stack[from..from + count] {
            let d = max_dist2(self.points[usize::from(i)], lo, hi);
            self.far.push(d);
            threshold = threshold.min(d);
        }
        // Margin for rounding: the threshold may only be raised.
        let threshold = threshold * (1.0 + 1e-5);
        let start = self.stack.len();
        self.kept_far.clear();
        for j in 0..count {
            let i = self.stack[from + j];
            if min_dist2(self.points[usize::from(i)], lo, hi) <= threshold {
                self.stack.push(i);
                self.kept_far.push(self.far[j]);
            }
        }
        self.prune_dominated(start, lo, hi);
        let len = self.stack.len() - start;
        let single = region.iter().all(|&(a, b)| b - a == 1);
        if single || len <= SHORT_LIST {
            let range = if self.candidates.len() + len <= MAX_CANDIDATES {
                self.store(start, len, lo, hi)
            } else {
                root
            };
            self.assign(region, range);
        } else {
            // Halve the longest side.
            let axis = (0..3)
                .max_by_key(|&k| (region[k].1 - region[k].0, 3 - k))
                .unwrap_or(0);
            let (a, b) = region[axis];
            let mid = a + (b - a) / 2;
            let mut lower = region;
            let mut upper = region;
            lower[axis].1 = mid;
            upper[axis].0 = mid;
            self.region(lower, (start, len), root);
            self.region(upper, (start, len), root);
        }
        self.stack.truncate(start);
    }
}

/// Oklab to cube-rooted LMS, and LMS to linear sRGB: for [`may_hold_srgb`].
const OKLAB_TO_LMS_CBRT: [[f32; 3]; 3] = matrix::to_f32(&matrix::invert(&LMS_TO_OKLAB));
const LMS_TO_LINEAR_SRGB: [[f32; 3]; 3] = matrix::to_f32(&matrix::invert(&LINEAR_SRGB_TO_LMS));

/// Whether the Oklab box `lo..hi` may hold the Oklab point of an 8-bit sRGB colour.
/// Conservative: interval arithmetic through the inverse transform (linear, then cubing,
/// which is increasing, then linear), with a margin; `false` means certainly not.
fn may_hold_srgb(lo: [f32; 3], hi: [f32; 3]) -> bool {
    let through = |m: &[[f32; 3]; 3], lo: [f32; 3], hi: [f32; 3]| {
        let mut out_lo = [0.0f32; 3];
        let mut out_hi = [0.0f32; 3];
        for (r, row) in m.iter().enumerate() {
            for (k, &c) in row.iter().enumerate() {
                let (a, b) = (c * lo[k], c * hi[k]);
                out_lo[r] += a.min(b);
                out_hi[r] += a.max(b);
            }
        }
        (out_lo, out_hi)
    };
    let (l_lo, l_hi) = through(&OKLAB_TO_LMS_CBRT, lo, hi);
    let cube = |v: [f32; 3]| v.map(|x| x * x * x);
    let (rgb_lo, rgb_hi) = through(&LMS_TO_LINEAR_SRGB, cube(l_lo), cube(l_hi));
    (0..3).all(|k| rgb_hi[k] >= -1e-3 && rgb_lo[k] <= 1.0 + 1e-3)
}

impl Grid {
    /// Builds the lists for `points` (at most 256, in `metric`'s space), considering
    /// only the indices in `eligible` (all of them if it is empty).
    pub(crate) fn new(metric: Metric, points: Vec<[f32; 3]>, eligible: &[u8]) -> Self {
        let layout = Layout::of(metric);
        let distinct = distinct_eligible(&points, eligible);
        let mut builder = Builder {
            metric,
            layout,
            points: &points,
            norms: points.iter().map(|&p| dist2(p, [0.0; 3])).collect(),
            stack: distinct.clone(),
            far: Vec::new(),
            kept_far: Vec::new(),
            ranges: vec![OUT_OF_GAMUT; layout.cells()],
            candidates: Vec::new(),
        };
        if !distinct.is_empty() {
            let whole = [(0, layout.n[0]), (0, layout.n[1]), (0, layout.n[2])];
            let (lo, hi) = layout.bounds(whole);
            let root = builder.store(0, distinct.len(), lo, hi);
            builder.region(whole, (0, distinct.len()), root);
        }
        let Builder {
            ranges, candidates, ..
        } = builder;
        Self {
            layout,
            points,
            eligible: distinct,
            ranges,
            candidates,
        }
    }

    /// The same search with no lists: every query scans all eligible points.
    pub(crate) fn without_lists(metric: Metric, points: Vec<[f32; 3]>, eligible: &[u8]) -> Self {
        let eligible = distinct_eligible(&points, eligible);
        Self {
            layout: Layout::of(metric),
            points,
            eligible,
            ranges: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// The points searched, by index.
    #[inline]
    pub(crate) fn points(&self) -> &[[f32; 3]] {
        &self.points
    }

    /// The indices a search may return.
    #[inline]
    pub(crate) fn eligible(&self) -> &[u8] {
        &self.eligible
    }

    /// The eligible index nearest to `point`, ties going to the lowest index.
    #[inline]
    pub(crate) fn nearest(&self, point: [f32; 3]) -> u8 {
        let Some(&(start, len)) = self.layout.cell(point).and_then(|c| self.ranges.get(c)) else {
            return self.brute_force(point);
        };
        let Some(list) = self
            .candidates
            .get(start as usize..(start as usize).saturating_add(len as usize))
        else {
            return self.brute_force(point);
        };
        // Distance and index in one key: non-negative `f32`s order as their bits, so the
        // smallest key is the nearest entry, the lowest index among equals, and taking
        // the minimum compiles to conditional moves rather than branches.
        let mut best = u64::MAX;
        for chunk in list.chunks(CHUNK) {
            // Lists are sorted by bound: past a bound above the best, none can win.
            if chunk.first().is_some_and(|c| c.bound > key_distance(best)) {
                break;
            }
            for c in chunk {
                let d = dist2(point, c.point);
                best = best.min((u64::from(d.to_bits()) << 8) | u64::from(c.index));
            }
        }
        if best == u64::MAX {
            return self.brute_force(point);
        }
        best.to_le_bytes()[0]
    }

    /// Every eligible point, compared: for boxes without a list.
    fn brute_force(&self, point: [f32; 3]) -> u8 {
        let mut best = f32::INFINITY;
        let mut best_index = 0u8;
        for &i in &self.eligible {
            let d = dist2(point, self.points[usize::from(i)]);
            if d < best || (d == best && i < best_index) {
                best = d;
                best_index = i;
            }
        }
        best_index
    }

    /// Mean length of the list a box uses, and the candidates stored, for tuning and
    /// tests.
    #[cfg(test)]
    pub(crate) fn list_stats(&self) -> (f64, usize) {
        let total: u64 = self.ranges.iter().map(|r| u64::from(r.1)).sum();
        (
            total as f64 / self.ranges.len() as f64,
            self.candidates.len(),
        )
    }
}

/// The distance in a search key of distance bits and index.
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    reason = "the key holds 32 bits of distance above the index"
)]
fn key_distance(key: u64) -> f32 {
    f32::from_bits((key >> 8) as u32)
}

/// The indices in `eligible` (all if it is empty) that are in range and the first
/// with their point: a later copy of a point never wins, since ties go to the lowest
/// index.
fn distinct_eligible(points: &[[f32; 3]], eligible: &[u8]) -> Vec<u8> {
    let mut eligible: Vec<u8> = eligible
        .iter()
        .copied()
        .filter(|&i| usize::from(i) < points.len())
        .collect();
    if eligible.is_empty() {
        eligible = (0..=u8::MAX).take(points.len()).collect();
    }
    eligible.sort_unstable();
    eligible.dedup();
    let mut distinct: Vec<u8> = Vec::with_capacity(eligible.len());
    for &i in &eligible {
        let p = points[usize::from(i)];
        if !distinct.iter().any(|&j| points[usize::from(j)] == p) {
            distinct.push(i);
        }
    }
    distinct
}

/// Squared distance from `p` to the nearest point of the box.
#[inline(always)]
fn min_dist2(p: [f32; 3], lo: [f32; 3], hi: [f32; 3]) -> f32 {
    let d0 = (lo[0] - p[0]).max(p[0] - hi[0]).max(0.0);
    let d1 = (lo[1] - p[1]).max(p[1] - hi[1]).max(0.0);
    let d2 = (lo[2] - p[2]).max(p[2] - hi[2]).max(0.0);
    d0 * d0 + d1 * d1 + d2 * d2
}

/// Squared distance from `p` to the farthest point of the box.
#[inline(always)]
fn max_dist2(p: [f32; 3], lo: [f32; 3], hi: [f32; 3]) -> f32 {
    let d0 = (p[0] - lo[0]).abs().max((hi[0] - p[0]).abs());
    let d1 = (p[1] - lo[1]).abs().max((hi[1] - p[1]).abs());
    let d2 = (p[2] - lo[2]).abs().max((hi[2] - p[2]).abs());
    d0 * d0 + d1 * d1 + d2 * d2
}

/// Exact nearest-colour search over a [`Palette`], built once and queried many times.
///
/// [`nearest`](Nearest::nearest) returns the index a brute-force scan would: the entry
/// with the smallest [`Metric::distance`], the lowest index among equals. Transparent
/// entries (alpha 0) are skipped unless the palette has nothing else; entry alpha is
/// otherwise ignored, so a search is by colour alone. Building takes a few
/// milliseconds for 256 entries and a query typically a few distance computations
/// (tens of nanoseconds); see the module source for how. Whole-image mapping with
/// [`remap`](super::remap) adds a cache in front and is faster still.
///
/// `Nearest` is immutable, `Send` and `Sync`: share one between threads.
///
/// ```
/// use chiaro_color::quantize::{Metric, Nearest, Palette};
/// use chiaro_pixel::Rgb8;
///
/// let web = Palette::web_safe();
/// let search = Nearest::new(&web, Metric::Oklab);
/// let i = search.nearest(Rgb8::new(250, 10, 40));
/// assert_eq!(web.get(i).map(|c| (c.r, c.g, c.b)), Some((255, 0, 51)));
/// ```
#[derive(Clone, Debug)]
pub struct Nearest {
    metric: Metric,
    grid: Grid,
    transparent: Option<u8>,
    /// Per entry, a quarter of the squared distance to the nearest other eligible entry,
    /// less a margin for rounding; 0 for entries that are not eligible.
    safe: Vec<f32>,
}

/// Below this many queries, [`Nearest::for_queries`] skips building the lists: a
/// brute-force scan of every miss costs less than the build.
const FEW_QUERIES: usize = 16 * 1024;

impl Nearest {
    /// Builds the search over `palette` under `metric`.
    pub fn new(palette: &Palette, metric: Metric) -> Self {
        Self::build(palette, metric, true)
    }

    /// A search for about `queries` lookups: without lists (every query a scan of the
    /// palette) when they are too few to repay building them.
    pub(crate) fn for_queries(palette: &Palette, metric: Metric, queries: usize) -> Self {
        Self::build(palette, metric, queries >= FEW_QUERIES)
    }

    fn build(palette: &Palette, metric: Metric, lists: bool) -> Self {
        let colors = palette.colors();
        let points: Vec<[f32; 3]> = colors
            .iter()
            .map(|c| metric.point(Rgb8::new(c.r, c.g, c.b)))
            .collect();
        let visible: Vec<u8> = (0..=u8::MAX)
            .zip(colors)
            .filter(|(_, c)| c.a != 0)
            .map(|(i, _)| i)
            .collect();
        let grid = if lists {
            Grid::new(metric, points, &visible)
        } else {
            Grid::without_lists(metric, points, &visible)
        };
        let mut safe = vec![0.0f32; colors.len()];
        let (points, eligible) = (grid.points(), grid.eligible());
        for &i in eligible {
            let p = points[usize::from(i)];
            let nn = eligible
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| dist2(p, points[usize::from(j)]))
                .fold(f32::INFINITY, f32::min);
            // Strictly inside half the gap, with room for rounding (see the tests).
            safe[usize::from(i)] = if nn.is_finite() {
                nn * 0.25 * (1.0 - 1e-4)
            } else {
                f32::INFINITY
            };
        }
        Self {
            metric,
            grid,
            transparent: palette.transparent_index(),
            safe,
        }
    }

    /// The metric the search minimises.
    #[inline]
    pub fn metric(&self) -> Metric {
        self.metric
    }

    /// The palette's first transparent entry, if any.
    #[inline]
    pub fn transparent_index(&self) -> Option<u8> {
        self.transparent
    }

    /// The index of the palette entry nearest to `color`.
    #[inline]
    pub fn nearest(&self, color: Rgb8) -> u8 {
        self.grid.nearest(self.metric.point(color))
    }

    /// The index for a pixel with alpha: the palette's transparent entry when
    /// `color.a < alpha_threshold` and the palette has one, otherwise the entry nearest
    /// to its colour.
    #[inline]
    pub fn nearest_rgba(&self, color: Rgba8, alpha_threshold: u8) -> u8 {
        match self.transparent {
            Some(t) if color.a < alpha_threshold => t,
            _ => self.nearest(Rgb8::new(color.r, color.g, color.b)),
        }
    }

    /// [`nearest`](Self::nearest), trying `guess` first: if the colour is within half
    /// the gap from `guess` to every other entry, `guess` is the answer.
    #[inline]
    pub(crate) fn nearest_from(&self, color: Rgb8, guess: u8) -> u8 {
        let p = self.metric.point(color);
        let g = usize::from(guess);
        if let (Some(q), Some(&safe)) = (self.grid.points().get(g), self.safe.get(g)) {
            if dist2(p, *q) < safe {
                return guess;
            }
        }
        self.grid.nearest(p)
    }
}

/// A direct-mapped cache of answers keyed by the 24-bit colour, in front of a
/// [`Nearest`], for one thread's pass over an image. Photos repeat colours often
/// (flat areas, gradients), and a hit skips the Oklab conversion and the list scan.
#[derive(Debug)]
pub(crate) struct Cache<'a> {
    search: &'a Nearest,
    /// Each slot holds `colour << 8 | answer`. A slot starts with a colour that does not
    /// hash to it, so it cannot hit before it is written.
    slots: Vec<u32>,
    bits: u32,
    /// The last answer, tried first on a miss.
    last: u8,
}

impl<'a> Cache<'a> {
    /// A cache sized for about `pixels` lookups: 1 Ki to 64 Ki slots (4–256 KiB).
    pub(crate) fn new(search: &'a Nearest, pixels: usize) -> Self {
        let bits = pixels.max(1).ilog2().clamp(10, 16);
        let mut slots = vec![0u32; 1 << bits];
        // Colour 0 hashes to slot 0 and colour 1 elsewhere.
        if let Some(first) = slots.first_mut() {
            *first = 1 << 8;
        }
        Self {
            search,
            slots,
            bits,
            last: 0,
        }
    }

    /// `search.nearest(color)`, remembered.
    #[inline]
    pub(crate) fn nearest(&mut self, color: Rgb8) -> u8 {
        let key = (u32::from(color.r) << 16) | (u32::from(color.g) << 8) | u32::from(color.b);
        let slot = (key.wrapping_mul(0x9E37_79B1) >> (32 - self.bits)) as usize;
        let Some(s) = self.slots.get_mut(slot) else {
            return self.search.nearest(color);
        };
        if *s >> 8 == key {
            self.last = s.to_le_bytes()[0];
            return self.last;
        }
        let v = self.search.nearest_from(color, self.last);
        *s = (key << 8) | u32::from(v);
        self.last = v;
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// xorshift64*, deterministic.
    pub(crate) struct Rng(u64);
    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        pub(crate) fn byte(&mut self) -> u8 {
            self.next().to_le_bytes()[7]
        }
        pub(crate) fn rgb(&mut self) -> Rgb8 {
            Rgb8::new(self.byte(), self.byte(), self.byte())
        }
    }

    fn brute(palette: &Palette, metric: Metric, c: Rgb8) -> u8 {
        let mut best = (f32::INFINITY, 0u8);
        let any_visible = palette.colors().iter().any(|e| e.a != 0);
        for (i, e) in (0..=u8::MAX).zip(palette.colors()) {
            if any_visible && e.a == 0 {
                continue;
            }
            let d = metric.distance(c, Rgb8::new(e.r, e.g, e.b));
            if d < best.0 {
                best = (d, i);
            }
        }
        best.1
    }

    #[test]
    fn equals_brute_force_on_random_palettes() {
        let mut rng = Rng(0x1234_5678_9ABC_DEF1);
        for metric in [Metric::Rgb, Metric::Oklab] {
            for len in [1usize, 2, 3, 7, 16, 64, 255, 256] {
                let colors = (0..len)
                    .map(|_| {
                        let c = rng.rgb();
                        Rgba8::new(c.r, c.g, c.b, 255)
                    })
                    .collect();
                let palette = Palette::new(colors).unwrap();
                let search = Nearest::new(&palette, metric);
                for _ in 0..4000 {
                    let c = rng.rgb();
                    assert_eq!(
                        search.nearest(c),
                        brute(&palette, metric, c),
                        "{metric:?} {len} {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn equals_brute_force_on_clustered_palettes_and_cube_corners() {
        // Entries crowded into one corner of the cube make long, unbalanced lists.
        let mut rng = Rng(99);
        for metric in [Metric::Rgb, Metric::Oklab] {
            let colors = (0..200)
                .map(|_| Rgba8::new(rng.byte() / 8, rng.byte() / 8, rng.byte() / 8, 255))
                .collect();
            let palette = Palette::new(colors).unwrap();
            let search = Nearest::new(&palette, metric);
            for r in (0..=255u8).step_by(5) {
                for g in (0..=255u8).step_by(15) {
                    for b in [0u8, 1, 15, 16, 17, 128, 254, 255] {
                        let c = Rgb8::new(r, g, b);
                        assert_eq!(search.nearest(c), brute(&palette, metric, c));
                    }
                }
            }
        }
    }

    #[test]
    fn ties_go_to_the_lowest_index() {
        for metric in [Metric::Rgb, Metric::Oklab] {
            // Duplicates: always the first copy.
            let palette = Palette::new(vec![
                Rgba8::new(10, 10, 10, 255),
                Rgba8::new(200, 0, 0, 255),
                Rgba8::new(10, 10, 10, 255),
                Rgba8::new(200, 0, 0, 255),
            ])
            .unwrap();
            let search = Nearest::new(&palette, metric);
            let mut rng = Rng(7);
            for _ in 0..2000 {
                let i = search.nearest(rng.rgb());
                assert!(i < 2, "{i}");
            }
        }
        // Equidistant in RGB: 100 is 50 from both 50 and 150.
        let palette =
            Palette::new(vec![Rgba8::new(150, 0, 0, 255), Rgba8::new(50, 0, 0, 255)]).unwrap();
        assert_eq!(
            Nearest::new(&palette, Metric::Rgb).nearest(Rgb8::new(100, 0, 0)),
            0
        );
        let swapped =
            Palette::new(vec![Rgba8::new(50, 0, 0, 255), Rgba8::new(150, 0, 0, 255)]).unwrap();
        assert_eq!(
            Nearest::new(&swapped, Metric::Rgb).nearest(Rgb8::new(100, 0, 0)),
            0
        );
    }

    #[test]
    fn transparent_entries_are_only_for_transparent_pixels() {
        let palette =
            Palette::new(vec![Rgba8::TRANSPARENT, Rgba8::new(255, 255, 255, 255)]).unwrap();
        let search = Nearest::new(&palette, Metric::Oklab);
        assert_eq!(search.transparent_index(), Some(0));
        assert_eq!(
            search.nearest(Rgb8::new(0, 0, 0)),
            1,
            "black is not transparent"
        );
        assert_eq!(search.nearest_rgba(Rgba8::new(0, 0, 0, 127), 128), 0);
        assert_eq!(search.nearest_rgba(Rgba8::new(0, 0, 0, 128), 128), 1);
        assert_eq!(
            search.nearest_rgba(Rgba8::new(0, 0, 0, 0), 0),
            1,
            "threshold 0: none"
        );
        let only = Palette::new(vec![Rgba8::TRANSPARENT]).unwrap();
        assert_eq!(
            Nearest::new(&only, Metric::Rgb).nearest(Rgb8::new(9, 9, 9)),
            0
        );
    }

    #[test]
    fn the_scan_without_lists_agrees() {
        let mut rng = Rng(23);
        for metric in [Metric::Rgb, Metric::Oklab] {
            let colors = (0..100)
                .map(|_| {
                    let c = rng.rgb();
                    Rgba8::new(c.r, c.g, c.b, if rng.byte() < 10 { 0 } else { 255 })
                })
                .collect();
            let palette = Palette::new(colors).unwrap();
            let few = Nearest::for_queries(&palette, metric, 10);
            assert!(few.grid.ranges.is_empty());
            for _ in 0..3000 {
                let c = rng.rgb();
                assert_eq!(few.nearest(c), brute(&palette, metric, c));
                assert_eq!(
                    few.nearest_from(c, rng.byte() % 100),
                    brute(&palette, metric, c)
                );
            }
        }
    }

    #[test]
    fn a_guess_never_changes_the_answer() {
        // The half-gap shortcut must agree with brute force for any guess, including
        // palettes with near-duplicates, where the gap is tiny.
        let mut rng = Rng(17);
        for metric in [Metric::Rgb, Metric::Oklab] {
            for spread in [255u8, 40, 3] {
                let colors = (0..64)
                    .map(|_| {
                        let c = [rng.byte(), rng.byte(), rng.byte()]
                            .map(|v| 100 + v % spread.max(1) / 2);
                        Rgba8::new(c[0], c[1], c[2], 255)
                    })
                    .collect();
                let palette = Palette::new(colors).unwrap();
                let search = Nearest::new(&palette, metric);
                for _ in 0..5000 {
                    let c = if rng.byte() < 128 {
                        rng.rgb()
                    } else {
                        // Near an entry, where the shortcut fires.
                        let e = palette.get(rng.byte() % 64).unwrap();
                        Rgb8::new(
                            e.r.saturating_add(rng.byte() % 3),
                            e.g,
                            e.b.saturating_sub(rng.byte() % 3),
                        )
                    };
                    let guess = rng.byte() % 64;
                    assert_eq!(
                        search.nearest_from(c, guess),
                        brute(&palette, metric, c),
                        "{metric:?} {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn cache_agrees_with_the_search() {
        let mut rng = Rng(5);
        let colors = (0..256)
            .map(|_| {
                let c = rng.rgb();
                Rgba8::new(c.r, c.g, c.b, 255)
            })
            .collect();
        let palette = Palette::new(colors).unwrap();
        let search = Nearest::new(&palette, Metric::Oklab);
        let mut cache = Cache::new(&search, 1 << 16);
        for _ in 0..50_000 {
            // Few distinct colours, so the cache both hits and evicts.
            let c = Rgb8::new(rng.byte() & 0xF3, rng.byte() & 0x3F, rng.byte() | 0x0F);
            assert_eq!(cache.nearest(c), search.nearest(c));
        }
    }

    #[test]
    fn every_colour_lands_in_a_built_box() {
        // Boxes judged out of gamut are answered by brute force: correct but slow. No
        // 8-bit colour may land in one.
        let palette = Palette::web_safe();
        let search = Nearest::new(&palette, Metric::Oklab);
        let grid = &search.grid;
        let mut out = 0u32;
        for key in 0..1u32 << 24 {
            let [_, r, g, b] = key.to_be_bytes();
            let p = Metric::Oklab.point(Rgb8::new(r, g, b));
            let cell = grid.layout.cell(p).and_then(|c| grid.ranges.get(c));
            if cell.is_none_or(|&r| r == OUT_OF_GAMUT) {
                out += 1;
            }
        }
        assert_eq!(out, 0);
    }

    #[test]
    fn lists_stay_short() {
        let mut rng = Rng(11);
        for metric in [Metric::Rgb, Metric::Oklab] {
            let colors = (0..256)
                .map(|_| {
                    let c = rng.rgb();
                    Rgba8::new(c.r, c.g, c.b, 255)
                })
                .collect();
            let search = Nearest::new(&Palette::new(colors).unwrap(), metric);
            let (mean, stored) = search.grid.list_stats();
            assert!(stored <= MAX_CANDIDATES);
            assert!(mean < 12.0, "{metric:?}: {mean}");
        }
    }
}
