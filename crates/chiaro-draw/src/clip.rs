//! Clip regions: a pixel rectangle, and within it an optional anti-aliased coverage
//! mask, intersected as clips are pushed.
//!
//! A [`ClipStack`] starts as the whole target. [`push_rect`](ClipStack::push_rect)
//! with a pixel-aligned rectangle (after its transform) only narrows the rectangle:
//! no mask is made, and fills are simply bounded by it. Any other rectangle, and
//! [`push_path`](ClipStack::push_path), rasterizes the shape (anti-aliased, either
//! fill rule) into a coverage mask over the part of the current rectangle it
//! reaches, multiplied by the mask below it. [`pop`](ClipStack::pop) restores the
//! region before the last push. [`ClipStack::clip`] hands the current region to
//! [`FillOptions::clip`](crate::FillOptions::clip), or to a
//! [`Painter`](crate::Painter), which applies it to every fill, stroke and blit.

use alloc::sync::Arc;
use alloc::vec::Vec;

use chiaro_pixel::{Gray8, Image, Rect as PixelRect};

use crate::composite::Mask;
use crate::geom::{Rect, Transform};
use crate::path::Path;
use crate::raster::{FillRule, RasterOptions, Rasterizer, SpanSink};

/// A clip region as fills read it: nothing outside `rect` is drawn, and inside it
/// coverage is multiplied by `mask` when there is one.
#[derive(Clone, Copy, Debug)]
pub struct Clip<'a> {
    /// Pixels outside are never drawn.
    pub rect: PixelRect,
    /// Coverage within `rect`; `None` means full coverage.
    pub mask: Option<Mask<'a>>,
}

impl Clip<'_> {
    /// Whether the region is empty, so nothing can be drawn.
    pub fn is_empty(&self) -> bool {
        self.rect.is_empty()
    }
}

#[derive(Clone, Debug)]
struct Layer {
    rect: PixelRect,
    /// Coverage over `rect` exactly (same origin and size), shared with the layers
    /// above that only narrowed the rectangle.
    mask: Option<(Arc<Image<Gray8>>, PixelRect)>,
}

/// A stack of clips over a target of a given size; see the [module docs](self).
#[derive(Clone, Debug)]
pub struct ClipStack {
    base: PixelRect,
    layers: Vec<Layer>,
    rasterizer: Rasterizer2,
}

/// The rasterizer a clip stack keeps for its masks (not shared: `Clone` makes an
/// empty one).
#[derive(Debug, Default)]
struct Rasterizer2(Rasterizer);

impl Clone for Rasterizer2 {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl ClipStack {
    /// No clip over a `width × height` target.
    pub fn new(width: u32, height: u32) -> Self {
        Self {
            base: PixelRect::from_size(width, height),
            layers: Vec::new(),
            rasterizer: Rasterizer2::default(),
        }
    }

    /// How many clips are pushed.
    pub fn depth(&self) -> usize {
        self.layers.len()
    }

    /// The current region.
    pub fn clip(&self) -> Clip<'_> {
        match self.layers.last() {
            None => Clip {
                rect: self.base,
                mask: None,
            },
            Some(layer) => Clip {
                rect: layer.rect,
                mask: layer
                    .mask
                    .as_ref()
                    .map(|(img, at)| Mask::at(img.as_view(), at.x, at.y)),
            },
        }
    }

    fn current(&self) -> Layer {
        self.layers.last().cloned().unwrap_or(Layer {
            rect: self.base,
            mask: None,
        })
    }

    /// Intersects the region with `rect` mapped by `transform`. A rectangle whose
    /// image is pixel-aligned (a translation or axis scale to whole-pixel edges)
    /// only narrows the current rectangle, with no mask; any other is clipped as a
    /// path, anti-aliased.
    pub fn push_rect(&mut self, rect: Rect, transform: &Transform) {
        if transform.is_scale_translate() && transform.is_finite() && rect.is_finite() {
            let mapped = transform.map_rect(rect);
            let aligned = [mapped.x0, mapped.y0, mapped.x1, mapped.y1]
                .iter()
                .all(|v| crate::math::round(*v) == *v);
            if aligned {
                let mut layer = self.current();
                let narrowed = mapped
                    .round_out()
                    .and_then(|(l, t, r, b)| {
                        PixelRect::from_edges(l.into(), t.into(), r.into(), b.into())
                    })
                    .and_then(|r| r.intersect(&layer.rect));
                layer.rect = narrowed.unwrap_or(PixelRect::new(layer.rect.x, layer.rect.y, 0, 0));
                self.layers.push(layer);
                return;
            }
        }
        match Path::rect(rect) {
            Ok(path) => self.push_path(&path, FillRule::NonZero, transform),
            // A non-finite rectangle clips everything away.
            Err(_) => {
                let mut layer = self.current();
                layer.rect = PixelRect::new(layer.rect.x, layer.rect.y, 0, 0);
                self.layers.push(layer);
            }
        }
    }

    /// Intersects the region with `path` filled with `rule` under `transform`,
    /// anti-aliased: its coverage multiplies the current mask. A transform that is not
    /// finite clips everything away (nothing of the path can be drawn).
    pub fn push_path(&mut self, path: &Path, rule: FillRule, transform: &Transform) {
        let below = self.current();
        let options = RasterOptions {
            rule,
            transform: *transform,
            ..RasterOptions::default()
        };
        let mut sink = MaskSink {
            spans: Vec::new(),
            bounds: None,
        };
        self.rasterizer
            .0
            .fill(path, &options, below.rect, &mut sink);
        let Some(bounds) = sink.bounds else {
            let mut layer = below;
            layer.rect = PixelRect::new(layer.rect.x, layer.rect.y, 0, 0);
            self.layers.push(layer);
            return;
        };
        let mut mask = Image::<Gray8>::new(bounds.width, bounds.height);
        for (x, y, coverage) in &sink.spans {
            let (mx, my) = (*x - bounds.x.unsigned_abs(), *y - bounds.y.unsigned_abs());
            if let Some(row) = mask.row_mut(my) {
                let start = mx as usize;
                for (dst, &c) in row[start..start + coverage.len()].iter_mut().zip(coverage) {
                    dst.v = c;
                }
            }
        }
        if let Some((img, at)) = &below.mask {
            // Multiply by the mask below, where it reaches.
            let below_mask = Mask::at(img.as_view(), at.x, at.y);
            for my in 0..bounds.height {
                let y = bounds.y.unsigned_abs() + my;
                if let Some(row) = mask.row_mut(my) {
                    let cov: &mut [u8] = bytemuck::cast_slice_mut(row);
                    below_mask.apply(bounds.x.unsigned_abs(), y, cov);
                }
            }
        }
        self.layers.push(Layer {
            rect: bounds,
            mask: Some((Arc::new(mask), bounds)),
        });
    }

    /// Removes the last clip pushed; returns whether there was one.
    pub fn pop(&mut self) -> bool {
        self.layers.pop().is_some()
    }

    /// Removes every clip.
    pub fn clear(&mut self) {
        self.layers.clear();
    }
}

/// Collects a clip path's spans and their bounds.
struct MaskSink {
    spans: Vec<(u32, u32, Vec<u8>)>,
    bounds: Option<PixelRect>,
}

impl MaskSink {
    fn grow(&mut self, x: u32, y: u32, len: u32) {
        let r = PixelRect::new(x.cast_signed(), y.cast_signed(), len, 1);
        self.bounds = Some(match self.bounds {
            None => r,
            Some(b) => PixelRect::from_edges(
                b.left().min(r.left()),
                b.top().min(r.top()),
                b.right().max(r.right()),
                b.bottom().max(r.bottom()),
            )
            .unwrap_or(b),
        });
    }
}

impl SpanSink for MaskSink {
    fn solid_span(&mut self, x: u32, y: u32, len: u32, coverage: u8) {
        self.grow(x, y, len);
        self.spans.push((x, y, alloc::vec![coverage; len as usize]));
    }

    fn mask_span(&mut self, x: u32, y: u32, coverage: &[u8]) {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "spans lie inside a u32-sized target"
        )]
        let len = coverage.len() as u32;
        self.grow(x, y, len);
        self.spans.push((x, y, coverage.to_vec()));
    }
}
