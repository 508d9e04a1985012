//! A target with a clip stack: every fill, stroke and blit through a [`Painter`]
//! is clipped by the clips pushed on it until they are popped.

use chiaro_pixel::{Gray8, Image, PremulRgba8, Rect as PixelRect, View, ViewMut};

use crate::clip::{Clip, ClipStack};
use crate::composite::{self, CompositeOptions, Mask};
use crate::fill::{FillOptions, Renderer};
use crate::geom::{Rect, Transform};
use crate::paint::Paint;
use crate::path::Path;
use crate::raster::FillRule;
use crate::stroke::{Stroke, StrokeError};

/// Draws into one premultiplied target, keeping the renderer's buffers and a
/// [`ClipStack`] between calls.
///
/// ```
/// use chiaro_draw::{FillOptions, FillRule, Paint, Painter, Path, Transform};
/// use chiaro_pixel::{Image, PremulRgba8, Rgba8};
///
/// let mut image = Image::filled(32, 32, PremulRgba8::new(255, 255, 255, 255));
/// let mut painter = Painter::new(image.as_view_mut());
/// painter.push_clip_path(&Path::circle(16.0, 16.0, 10.0)?, FillRule::NonZero, &Transform::IDENTITY);
/// let full = Path::rect(chiaro_draw::Rect::new(0.0, 0.0, 32.0, 32.0))?;
/// painter.fill_path(&full, &Paint::solid(Rgba8::BLACK), &FillOptions::default());
/// painter.pop_clip();
/// assert_eq!(image.get(16, 16), Some(&PremulRgba8::new(0, 0, 0, 255))); // inside the clip
/// assert_eq!(image.get(1, 1), Some(&PremulRgba8::new(255, 255, 255, 255))); // outside
/// # Ok::<(), chiaro_draw::path::PathError>(())
/// ```
#[derive(Debug)]
pub struct Painter<'t> {
    target: ViewMut<'t, PremulRgba8>,
    renderer: Renderer,
    clips: ClipStack,
}

impl<'t> Painter<'t> {
    /// A painter over `target`, with no clip.
    pub fn new(target: ViewMut<'t, PremulRgba8>) -> Self {
        let (w, h) = target.size();
        Self {
            target,
            renderer: Renderer::new(),
            clips: ClipStack::new(w, h),
        }
    }

    /// The target.
    pub fn target(&mut self) -> &mut ViewMut<'t, PremulRgba8> {
        &mut self.target
    }

    /// The renderer, for filling without the clip.
    pub fn renderer(&mut self) -> &mut Renderer {
        &mut self.renderer
    }

    /// Gives the target back.
    pub fn into_target(self) -> ViewMut<'t, PremulRgba8> {
        self.target
    }

    /// The current clip region.
    pub fn clip(&self) -> Clip<'_> {
        self.clips.clip()
    }

    /// The clip stack.
    pub fn clips(&self) -> &ClipStack {
        &self.clips
    }

    /// Intersects the clip with `path` (see [`ClipStack::push_path`]).
    pub fn push_clip_path(&mut self, path: &Path, rule: FillRule, transform: &Transform) {
        self.clips.push_path(path, rule, transform);
    }

    /// Intersects the clip with a rectangle, without a mask when it is pixel-aligned
    /// (see [`ClipStack::push_rect`]).
    pub fn push_clip_rect(&mut self, rect: Rect, transform: &Transform) {
        self.clips.push_rect(rect, transform);
    }

    /// Removes the last clip pushed; returns whether there was one.
    pub fn pop_clip(&mut self) -> bool {
        self.clips.pop()
    }

    /// Fills `path` (see [`Renderer::fill_path`]), within the clip. A clip given in
    /// `options` is replaced by the painter's.
    pub fn fill_path(&mut self, path: &Path, paint: &Paint<'_>, options: &FillOptions<'_>) {
        let clip = self.clips.clip();
        let options = FillOptions {
            clip: Some(clip),
            ..options.clone()
        };
        self.renderer
            .fill_path(&mut self.target, path, paint, &options);
    }

    /// Strokes `path` (see [`Renderer::stroke_path`]), within the clip. A clip given
    /// in `options` is replaced by the painter's.
    ///
    /// # Errors
    ///
    /// As [`Renderer::stroke_path`].
    pub fn stroke_path(
        &mut self,
        path: &Path,
        stroke: &Stroke,
        paint: &Paint<'_>,
        options: &FillOptions<'_>,
    ) -> Result<(), StrokeError> {
        let clip = self.clips.clip();
        let options = FillOptions {
            clip: Some(clip),
            ..options.clone()
        };
        self.renderer
            .stroke_path(&mut self.target, path, stroke, paint, &options)
    }

    /// Composites `src` with its top-left at `(x, y)` (see
    /// [`composite::blit`]), within the clip. When both the options and the clip
    /// have a mask, their product is built for the blitted area (this allocates).
    pub fn blit(
        &mut self,
        src: View<'_, PremulRgba8>,
        x: i32,
        y: i32,
        options: &CompositeOptions<'_>,
    ) {
        let clip = self.clips.clip();
        let placed = PixelRect::new(x, y, src.width(), src.height());
        let Some(area) = placed.intersect(&clip.rect) else {
            return;
        };
        let Ok(mut dst) = self.target.sub_view_mut(area) else {
            return;
        };
        // Everything below is in the coordinates of `area`.
        let (sx, sy) = (x.saturating_sub(area.x), y.saturating_sub(area.y));
        match (options.mask.as_ref(), clip.mask.as_ref()) {
            (None, None) => composite::blit(&mut dst, src, sx, sy, options),
            (Some(m), None) | (None, Some(m)) => {
                let local = CompositeOptions {
                    mask: Some(shifted(m, area.x, area.y)),
                    ..*options
                };
                composite::blit(&mut dst, src, sx, sy, &local);
            }
            (Some(a), Some(b)) => {
                let mut both = Image::<Gray8>::new(area.width, area.height);
                let (a, b) = (shifted(a, area.x, area.y), shifted(b, area.x, area.y));
                for (row_y, row) in both.rows_mut().enumerate() {
                    let cov: &mut [u8] = bytemuck::cast_slice_mut(row);
                    cov.fill(255);
                    #[expect(clippy::cast_possible_truncation, reason = "rows of a u32-tall image")]
                    let row_y = row_y as u32;
                    a.apply(0, row_y, cov);
                    b.apply(0, row_y, cov);
                }
                let local = CompositeOptions {
                    mask: Some(Mask::new(both.as_view())),
                    ..*options
                };
                composite::blit(&mut dst, src, sx, sy, &local);
            }
        }
    }
}

/// `m` moved by `(-dx, -dy)`.
fn shifted<'m>(m: &Mask<'m>, dx: i32, dy: i32) -> Mask<'m> {
    let (mx, my) = m.origin();
    Mask::at(m.view(), mx.saturating_sub(dx), my.saturating_sub(dy))
}
