//! Deterministic synthetic images shared by chiaro's tests and benchmarks, so that every
//! crate's tests and every peer in a benchmark group see the same pixels.

pub mod alloc;
pub mod fuzz;

use chiaro_pixel::{Image, Rgb8, Rgba8};

/// A photo-like opaque RGB image: smooth gradients with a little deterministic noise,
/// so that no peer can take a constant-colour shortcut.
pub fn photo_rgb8(width: u32, height: u32) -> Image<Rgb8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    Image::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = (state & 0x0F) as u32;
        Rgb8::new(
            channel(x * 255 / width.max(1) + noise),
            channel(y * 255 / height.max(1) + noise),
            channel((x + y) * 127 / (width + height).max(1) + noise),
        )
    })
}

/// The photo with a diagonal alpha gradient (straight alpha), covering every alpha
/// value many times.
pub fn photo_rgba8(width: u32, height: u32) -> Image<Rgba8> {
    let rgb = photo_rgb8(width, height);
    let span = (width + height).max(1);
    Image::from_fn(width, height, |x, y| {
        let p = rgb.get(x, y).copied().unwrap_or_default();
        Rgba8::new(p.r, p.g, p.b, channel((x + y) * 255 / span))
    })
}

fn channel(v: u32) -> u8 {
    u8::try_from(v.min(255)).unwrap_or(u8::MAX)
}

/// A photo-like opaque RGB scene for tests where [`photo_rgb8`]'s two-axis ramp is too
/// regular (quantization, palettes): a sky graded from deep blue to a warm haze with
/// clouds and a sun, far hills in blue-grey haze, a textured meadow with scattered
/// flowers, a shaded red ball with a highlight, a tree, a vignette and a little
/// sensor noise. Shading is done in linear light and encoded to sRGB, as a camera
/// would. Deterministic; the same `(width, height)` gives the same pixels.
pub fn photo_scene_rgb8(width: u32, height: u32) -> Image<Rgb8> {
    let (w, h) = (width.max(1) as f32, height.max(1) as f32);
    let mut noise_state = 0x2545_F491_4F6C_DD1Du64;
    Image::from_fn(width, height, |x, y| {
        let u = (x as f32 + 0.5) / w;
        let v = (y as f32 + 0.5) / h;
        let lin = scene(u, v);
        // Sensor noise, about ±1.5 % in linear light.
        noise_state ^= noise_state << 13;
        noise_state ^= noise_state >> 7;
        noise_state ^= noise_state << 17;
        let n = |shift: u32| ((noise_state >> shift) & 0xFF) as f32 / 255.0 - 0.5;
        let grain = 0.03 * n(0);
        Rgb8::new(
            encode(lin[0] * (1.0 + grain + 0.01 * n(8))),
            encode(lin[1] * (1.0 + grain + 0.01 * n(16))),
            encode(lin[2] * (1.0 + grain + 0.01 * n(24))),
        )
    })
}

/// [`photo_scene_rgb8`] as opaque RGBA, the input the quantizers take.
pub fn photo_scene_rgba8(width: u32, height: u32) -> Image<Rgba8> {
    let rgb = photo_scene_rgb8(width, height);
    Image::from_fn(width, height, |x, y| {
        let p = rgb.get(x, y).copied().unwrap_or_default();
        Rgba8::new(p.r, p.g, p.b, 255)
    })
}

/// Linear light of the scene at `(u, v)` in the unit square, `v` downwards.
#[expect(
    clippy::cast_possible_truncation,
    reason = "flower cells: small non-negative lattice coordinates and a hash below 100"
)]
fn scene(u: f32, v: f32) -> [f32; 3] {
    let horizon = 0.42 + 0.06 * fbm(u * 3.0, 7.5, 3) - 0.03;
    let mut c = if v < horizon {
        // Sky: deep blue above to a warm haze at the horizon, with clouds.
        let t = (v / horizon).clamp(0.0, 1.0);
        let sky = mix([0.02, 0.08, 0.35], [0.75, 0.55, 0.40], t * t);
        let cloud = ((fbm(u * 4.0, v * 9.0, 5) - 0.45) * 3.0).clamp(0.0, 1.0) * (1.0 - t);
        let sky = mix(sky, [0.85, 0.82, 0.80], cloud * 0.8);
        // Sun glow.
        let d = ((u - 0.72).powi(2) + ((v - 0.30) * 1.3).powi(2)).sqrt();
        let glow = (-d * 9.0).exp();
        add(sky, [1.6 * glow, 1.1 * glow, 0.45 * glow])
    } else {
        let hills = horizon + 0.10 + 0.05 * fbm(u * 6.0, 3.3, 4);
        if v < hills {
            // Far hills: blue-grey haze, darker lower down.
            let t = (v - horizon) / (hills - horizon);
            let tex = fbm(u * 20.0, v * 20.0, 4);
            mix([0.30, 0.34, 0.45], [0.10, 0.16, 0.18], t * 0.7 + 0.3 * tex)
        } else {
            // Meadow: greens and yellow-browns, darker towards the viewer.
            let t = ((v - hills) / (1.0 - hills)).clamp(0.0, 1.0);
            let patch = fbm(u * 5.0, v * 8.0, 5);
            let blade = fbm(u * 80.0, v * 30.0, 2);
            let grass = mix([0.05, 0.20, 0.02], [0.35, 0.30, 0.05], patch);
            let mut g = scale(grass, (0.6 + 0.8 * blade) * (1.0 - 0.6 * t));
            // Flowers: one in some cells of a fine grid.
            let (cu, cv) = ((u * 60.0).floor(), (v * 60.0).floor());
            let hsh = hash(cu as i32, cv as i32, 91);
            if v > hills + 0.05 && hsh < 0.08 {
                let (fu, fv) = (u * 60.0 - cu - 0.5, v * 60.0 - cv - 0.5);
                if fu * fu + fv * fv < 0.08 {
                    g = match (hsh * 100.0) as u32 % 3 {
                        0 => [0.80, 0.05, 0.08],
                        1 => [0.85, 0.70, 0.05],
                        _ => [0.35, 0.10, 0.60],
                    };
                }
            }
            g
        }
    };
    // A tree: trunk and a foliage blob.
    let (tu, tv) = (0.15, 0.55);
    if (u - tu).abs() < 0.012 && v > tv && v < tv + 0.12 {
        c = scale([0.09, 0.05, 0.02], 0.7 + 0.6 * fbm(u * 200.0, v * 10.0, 2));
    }
    let fd = ((u - tu) / 0.08).powi(2) + ((v - (tv - 0.02)) / 0.09).powi(2);
    if fd < 1.0 + 0.3 * (fbm(u * 25.0, v * 25.0, 3) - 0.5) {
        let light = 0.5 + 0.5 * (tu - u + tv - v) * 6.0;
        c = scale(
            [0.04, 0.16, 0.03],
            (0.4 + 0.9 * fbm(u * 40.0, v * 40.0, 3)) * light.clamp(0.3, 1.4),
        );
    }
    // A red ball, lit from the upper right, with a highlight and a soft shadow.
    let (bu, bv, r) = (0.58, 0.78, 0.11);
    let (dx, dy) = ((u - bu) / r, (v - bv) / r);
    let shadow = ((u - bu - 0.05) / (r * 1.2)).powi(2) + ((v - bv - 0.09) / (r * 0.35)).powi(2);
    if shadow < 1.0 && dx * dx + dy * dy >= 1.0 {
        c = scale(c, 0.35 + 0.65 * shadow);
    }
    if dx * dx + dy * dy < 1.0 {
        let dz = (1.0 - dx * dx - dy * dy).sqrt();
        let (lx, ly, lz) = (0.5f32, -0.6f32, 0.62f32);
        let diffuse = (dx * lx + dy * ly + dz * lz).max(0.0);
        let spec = (2.0 * diffuse * dz - lz).max(0.0).powi(30);
        let base = [0.60, 0.03, 0.02];
        c = add(
            scale(base, 0.08 + 0.92 * diffuse),
            [spec * 0.9, spec * 0.85, spec * 0.8],
        );
    }
    // A skin-toned ellipse in the foreground (a face-like gradient).
    let fd = ((u - 0.86) / 0.06).powi(2) + ((v - 0.70) / 0.085).powi(2);
    if fd < 1.0 {
        let shade = 1.0 - 0.5 * fd + 0.25 * (0.86 - u) / 0.06;
        c = scale([0.62, 0.36, 0.24], shade.clamp(0.2, 1.3));
    }
    // Vignette.
    let d2 = (u - 0.5).powi(2) + (v - 0.5).powi(2);
    scale(c, 1.0 - 0.7 * d2)
}

fn mix(a: [f32; 3], b: [f32; 3], t: f32) -> [f32; 3] {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2].map(|k| a[k] + (b[k] - a[k]) * t)
}

fn add(a: [f32; 3], b: [f32; 3]) -> [f32; 3] {
    [0, 1, 2].map(|k| a[k] + b[k])
}

fn scale(a: [f32; 3], s: f32) -> [f32; 3] {
    a.map(|v| v * s)
}

/// A hash of a lattice point to `[0, 1)`.
fn hash(x: i32, y: i32, seed: u32) -> f32 {
    let mut h = (x as u32).wrapping_mul(0x8DA6_B343)
        ^ (y as u32).wrapping_mul(0xD816_3841)
        ^ seed.wrapping_mul(0xCB1A_B31F);
    h ^= h >> 13;
    h = h.wrapping_mul(0x5BD1_E995);
    h ^= h >> 15;
    (h >> 8) as f32 / (1u32 << 24) as f32
}

/// Smooth value noise in `[0, 1)`.
#[expect(
    clippy::cast_possible_truncation,
    reason = "lattice coordinates of small inputs"
)]
fn value_noise(x: f32, y: f32, seed: u32) -> f32 {
    let (xi, yi) = (x.floor(), y.floor());
    let (fx, fy) = (x - xi, y - yi);
    let (sx, sy) = (fx * fx * (3.0 - 2.0 * fx), fy * fy * (3.0 - 2.0 * fy));
    let (xi, yi) = (xi as i32, yi as i32);
    let a = hash(xi, yi, seed);
    let b = hash(xi + 1, yi, seed);
    let c = hash(xi, yi + 1, seed);
    let d = hash(xi + 1, yi + 1, seed);
    a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy
}

/// Fractal (octave) value noise in `[0, 1)`.
fn fbm(x: f32, y: f32, octaves: u32) -> f32 {
    let (mut sum, mut amp, mut freq, mut norm) = (0.0, 0.5, 1.0, 0.0);
    for o in 0..octaves {
        sum += amp * value_noise(x * freq, y * freq, o);
        norm += amp;
        amp *= 0.5;
        freq *= 2.03;
    }
    sum / norm
}

/// Linear light to 8-bit sRGB (the sRGB curve), clipped.
#[expect(
    clippy::cast_possible_truncation,
    reason = "clamped to 0..=255.5 first"
)]
fn encode(l: f32) -> u8 {
    let l = l.clamp(0.0, 1.0);
    let e = if l <= 0.003_130_8 {
        12.92 * l
    } else {
        1.055 * l.powf(1.0 / 2.4) - 0.055
    };
    (e * 255.0 + 0.5) as u8
}
