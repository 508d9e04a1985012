//! Codec conformance over the public test suites in `../shared/testdata` (PngSuite,
//! JPEG reference decodes and damaged files, EXIF orientation sets). Each test skips,
//! saying so, when the folder is absent. `cargo xtask conformance` runs them and
//! prints the tables (`-- --nocapture`).
//!
//! Oracles: for PNG, `zune-png`, a decoder written independently of the `png` crate
//! that chiaro wraps, on the same output model (palettes expanded, `tRNS` as alpha,
//! low bit depths scaled to 8, 16-bit kept), and the `image` crate's decode with every
//! file expanded to RGBA16 on both sides; for JPEG, the reference PNGs beside each
//! file (ImageMagick for the jpeg-decoder reftests, libjpeg-turbo's `djpeg` for the
//! generated set), with the tolerances the suites' READMEs state.

use std::path::{Path, PathBuf};

use chiaro::codec::{
    DecodeOptions, DecodedImage, Error, JpegScale, PngOptions, decode, decode_with, encode_png,
    encode_png_indexed, probe,
};
use chiaro::pixel::{Image, Rgba8, Rgba16};

/// `sub` in the test data (`CHIARO_TESTDATA`, or `../shared/testdata` next to the
/// repository), or `None`.
fn testdata(sub: &str) -> Option<PathBuf> {
    let root = std::env::var_os("CHIARO_TESTDATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/testdata"),
        PathBuf::from,
    );
    let dir = root.join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: {} is absent", dir.display());
        None
    }
}

/// The files in `dir` with extension `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Channels, bits per sample and samples (widened to `u16`) of a decoded image.
fn samples(image: &DecodedImage) -> (usize, u8, Vec<u16>) {
    fn of<P: chiaro::pixel::Pixel>(img: &Image<P>, bits: u8) -> (usize, u8, Vec<u16>)
    where
        P::Channel: Into<u16>,
    {
        let channels: &[P::Channel] = bytemuck::cast_slice(img.as_slice());
        (
            P::CHANNELS,
            bits,
            channels.iter().map(|&c| c.into()).collect(),
        )
    }
    match image {
        DecodedImage::Gray8(i) => of(i, 8),
        DecodedImage::GrayA8(i) => of(i, 8),
        DecodedImage::Rgb8(i) => of(i, 8),
        DecodedImage::Rgba8(i) => of(i, 8),
        DecodedImage::Gray16(i) => of(i, 16),
        DecodedImage::GrayA16(i) => of(i, 16),
        DecodedImage::Rgb16(i) => of(i, 16),
        DecodedImage::Rgba16(i) => of(i, 16),
        other => panic!("unexpected {other:?}"),
    }
}

/// The decoded image expanded to RGBA16 (grey replicated, 8-bit samples ×257, absent
/// alpha opaque, palettes expanded).
fn rgba16(image: &DecodedImage) -> Image<Rgba16> {
    match image {
        DecodedImage::Gray8(i) => i.convert(),
        DecodedImage::GrayA8(i) => i.convert(),
        DecodedImage::Rgb8(i) => i.convert(),
        DecodedImage::Rgba8(i) => i.convert(),
        DecodedImage::Gray16(i) => i.convert(),
        DecodedImage::GrayA16(i) => i.convert(),
        DecodedImage::Rgb16(i) => i.convert(),
        DecodedImage::Rgba16(i) => i.clone(),
        DecodedImage::Indexed(i) => i.expand().convert(),
        _ => panic!("a variant this test does not know"),
    }
}

/// The `image` crate's decode expanded to RGBA16.
fn image_crate_rgba16(data: &[u8]) -> Result<Vec<u16>, String> {
    let img = image::load_from_memory_with_format(data, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(img.to_rgba16().into_raw())
}

/// zune-png's decode in the same terms.
fn zune_samples(data: &[u8]) -> Result<(usize, u8, Vec<u16>), String> {
    let mut d = zune_png::PngDecoder::new(zune_core::bytestream::ZCursor::new(data));
    d.decode_headers().map_err(|e| format!("{e:?}"))?;
    let channels = d.colorspace().map(|c| c.num_components()).unwrap_or(0);
    match d.decode().map_err(|e| format!("{e:?}"))? {
        zune_core::result::DecodingResult::U8(v) => {
            Ok((channels, 8, v.into_iter().map(u16::from).collect()))
        }
        zune_core::result::DecodingResult::U16(v) => Ok((channels, 16, v)),
        _ => Err("unexpected sample type".into()),
    }
}

/// Encodes a decoded image back to PNG in its own pixel type.
fn reencode(image: &DecodedImage) -> Vec<u8> {
    let o = PngOptions::default();
    let r = match image {
        DecodedImage::Gray8(i) => encode_png(i.as_view(), &o),
        DecodedImage::GrayA8(i) => encode_png(i.as_view(), &o),
        DecodedImage::Rgb8(i) => encode_png(i.as_view(), &o),
        DecodedImage::Rgba8(i) => encode_png(i.as_view(), &o),
        DecodedImage::Gray16(i) => encode_png(i.as_view(), &o),
        DecodedImage::GrayA16(i) => encode_png(i.as_view(), &o),
        DecodedImage::Rgb16(i) => encode_png(i.as_view(), &o),
        DecodedImage::Rgba16(i) => encode_png(i.as_view(), &o),
        DecodedImage::Indexed(i) => encode_png_indexed(i, &o),
        other => panic!("unexpected {other:?}"),
    };
    r.expect("re-encode")
}

#[test]
fn pngsuite() {
    let Some(dir) = testdata("pngsuite") else {
        return;
    };
    let all = files(&dir, "png");
    assert!(
        all.len() >= 170,
        "PngSuite has 175 files, found {}",
        all.len()
    );
    let (mut valid, mut invalid, mut round_trips) = (0, 0, 0);
    let mut failures = Vec::new();
    let mut decoded_by_name = std::collections::BTreeMap::new();
    for path in &all {
        let n = name(path);
        let data = read(path);
        let result = decode(&data);
        if n.starts_with('x') {
            match result {
                Err(e) => {
                    invalid += 1;
                    println!("  {n:<14} rejected: {e}");
                }
                Ok(_) => failures.push(format!("{n}: invalid file decoded")),
            }
            continue;
        }
        let decoded = match result {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{n}: {e}"));
                continue;
            }
        };
        let info = probe(&data).expect("valid files probe");
        if decoded.image.size() != (info.width, info.height) {
            failures.push(format!("{n}: size differs from IHDR"));
        }
        let ours16: Vec<u16> = rgba16(&decoded.image)
            .pixels()
            .flat_map(|p| [p.r, p.g, p.b, p.a])
            .collect();
        match (zune_samples(&data), image_crate_rgba16(&data)) {
            (Ok(zune), Ok(img)) if zune == samples(&decoded.image) && img == ours16 => valid += 1,
            (Ok(zune), _) if zune != samples(&decoded.image) => {
                failures.push(format!("{n}: pixels differ from zune-png"));
            }
            (_, Ok(_)) => failures.push(format!("{n}: RGBA16 pixels differ from the image crate")),
            (Err(e), _) => failures.push(format!("{n}: zune-png failed: {e}")),
            (_, Err(e)) => failures.push(format!("{n}: the image crate failed: {e}")),
        }
        // Round trip: decode → encode → decode keeps pixels and bit depth; palettes too.
        let indexed = decode_with(
            &data,
            &DecodeOptions::new().with_palette(chiaro::codec::PaletteOutput::Indexed),
        )
        .expect("decodes indexed");
        let mut ok = true;
        for image in [&decoded.image, &indexed.image] {
            let again = decode_with(
                &reencode(image),
                &DecodeOptions::new().with_palette(chiaro::codec::PaletteOutput::Indexed),
            )
            .expect("re-decodes");
            ok &= again.image == *image;
        }
        if ok {
            round_trips += 1;
        } else {
            failures.push(format!("{n}: round trip changed the pixels"));
        }
        decoded_by_name.insert(n, decoded.image);
    }
    // Families that must decode to identical pixels.
    let same = |a: &str, b: &str| decoded_by_name.get(a) == decoded_by_name.get(b);
    let mut twins = 0;
    for n in decoded_by_name.keys() {
        let twin = if let Some(rest) = n.strip_prefix("basi") {
            format!("basn{rest}")
        } else if n.starts_with('s') && n.as_bytes().get(3) == Some(&b'i') {
            format!("{}n{}", &n[..3], &n[4..])
        } else {
            continue;
        };
        twins += 1;
        if !same(n, &twin) {
            failures.push(format!("{n} and {twin} differ"));
        }
    }
    for group in [
        &[
            "z00n2c08.png",
            "z03n2c08.png",
            "z06n2c08.png",
            "z09n2c08.png",
        ][..],
        &[
            "oi1n0g16.png",
            "oi2n0g16.png",
            "oi4n0g16.png",
            "oi9n0g16.png",
            "basn0g16.png",
        ],
        &[
            "oi1n2c16.png",
            "oi2n2c16.png",
            "oi4n2c16.png",
            "oi9n2c16.png",
        ],
        &["bgai4a08.png", "basi4a08.png"],
        &["bgan6a16.png", "basn6a16.png"],
    ] {
        for pair in group.windows(2) {
            if !same(pair[0], pair[1]) {
                failures.push(format!("{} and {} differ", pair[0], pair[1]));
            }
        }
    }
    println!(
        "PngSuite: {valid} valid files match zune-png and the image crate (RGBA16), {round_trips} round-trip exactly, \
         {twins} interlaced twins match, {invalid} invalid files rejected"
    );
    assert!(
        failures.is_empty(),
        "PngSuite failures:\n{}",
        failures.join("\n")
    );
    assert_eq!(invalid, 14);
}

/// Largest and mean absolute difference over the colour channels of two images.
fn diff(a: &Image<Rgba8>, b: &Image<Rgba8>) -> (u8, f64) {
    let mut max = 0u8;
    let mut sum = 0u64;
    for (p, q) in a.pixels().zip(b.pixels()) {
        for (x, y) in [(p.r, q.r), (p.g, q.g), (p.b, q.b)] {
            let d = x.abs_diff(y);
            max = max.max(d);
            sum += u64::from(d);
        }
    }
    (max, sum as f64 / (3 * a.as_slice().len().max(1)) as f64)
}

/// Decodes a JPEG and its reference PNG and compares them.
fn compare(jpeg: &Path, reference: &Path, options: &DecodeOptions) -> Result<(u8, f64), String> {
    let ours = decode_with(&read(jpeg), options).map_err(|e| e.to_string())?;
    let theirs = decode(&read(reference)).map_err(|e| format!("reference: {e}"))?;
    if ours.image.size() != theirs.image.size() {
        return Err(format!(
            "size {:?}, reference {:?}",
            ours.image.size(),
            theirs.image.size()
        ));
    }
    if ours.image.bit_depth() == 16 {
        let exact = samples(&ours.image).2 == samples(&theirs.image).2;
        return Ok(if exact { (0, 0.0) } else { (255, 255.0) });
    }
    Ok(diff(&ours.image.to_rgba8(), &theirs.image.to_rgba8()))
}

#[test]
fn jpeg_reference_decodes() {
    let Some(dir) = testdata("jpeg") else { return };
    let raw = DecodeOptions::new().with_orientation(false);
    let mut failures = Vec::new();
    let mut rows = Vec::new();
    // jpeg-decoder's reftests: within 3 per channel, exact for lossless; the four the
    // suite itself does not check are reported but not held to it.
    let unchecked = [
        "ycck.jpg",
        "jpg-size-3x3.jpg",
        "jpg-size-4x4.jpg",
        "jpg-size-6x6.jpg",
    ];
    let mut reftests: Vec<PathBuf> = files(&dir.join("reftest"), "jpg");
    reftests.extend(files(&dir.join("reftest/mozilla"), "jpg"));
    reftests.extend(files(&dir.join("reftest/lossless/1"), "jpg"));
    reftests.extend(files(&dir.join("reftest/lossless/2"), "jpg"));
    for jpeg in reftests {
        let reference = jpeg.with_extension("png");
        if !reference.exists() {
            continue;
        }
        let n = name(&jpeg);
        let lossless = jpeg.to_string_lossy().contains("lossless");
        let bound = if lossless { 0 } else { 3 };
        match compare(&jpeg, &reference, &raw) {
            Ok((max, mean)) => {
                rows.push(format!("  {n:<36} max {max:>3}  mean {mean:.3}"));
                if max > bound && !unchecked.contains(&n.as_str()) {
                    failures.push(format!("{n}: max difference {max} over {bound}"));
                }
            }
            Err(e) => failures.push(format!("{n}: {e}")),
        }
    }
    // DCT-domain scaling of rgb.jpg against its scaled references.
    for (scale, reference) in [
        (JpegScale::Half, "rgb_250x167.png"),
        (JpegScale::Quarter, "rgb_125x84.png"),
        (JpegScale::Eighth, "rgb_63x42.png"),
    ] {
        let options = raw.with_jpeg_scale(scale);
        match compare(
            &dir.join("reftest/rgb.jpg"),
            &dir.join("reftest").join(reference),
            &options,
        ) {
            Ok((max, mean)) => {
                rows.push(format!(
                    "  rgb.jpg at {scale:<26?} max {max:>3}  mean {mean:.3}"
                ));
                if max > 3 {
                    failures.push(format!("rgb.jpg {scale:?}: max difference {max}"));
                }
            }
            Err(e) => failures.push(format!("rgb.jpg {scale:?}: {e}")),
        }
    }
    // libjpeg-turbo's djpeg decodes: a different IDCT and chroma up-sampler, so a
    // tolerance on the largest and the mean difference.
    let mut djpeg: Vec<PathBuf> = files(&dir.join("generated"), "jpg");
    djpeg.extend(files(&dir.join("libjpeg-turbo"), "jpg"));
    for jpeg in djpeg {
        let n = name(&jpeg);
        let reference = jpeg.with_extension("djpeg.png");
        let data = read(&jpeg);
        if n.starts_with("arith") || n == "testimgari.jpg" || n == "monkey12.jpg" {
            // Arithmetic coding and 12-bit samples: a clear "unsupported".
            match decode(&data) {
                Err(Error::Unsupported { feature, .. }) => {
                    rows.push(format!("  {n:<36} unsupported: {feature}"));
                }
                other => failures.push(format!("{n}: expected unsupported, got {other:?}")),
            }
            continue;
        }
        match compare(&jpeg, &reference, &raw) {
            Ok((max, mean)) => {
                rows.push(format!("  {n:<36} max {max:>3}  mean {mean:.3}  (djpeg)"));
                if max > DJPEG_MAX || mean > DJPEG_MEAN {
                    failures.push(format!("{n}: max {max}, mean {mean:.3} against djpeg"));
                }
            }
            Err(e) => failures.push(format!("{n}: {e}")),
        }
    }
    println!(
        "JPEG reference decodes (per-channel difference):\n{}",
        rows.join("\n")
    );
    assert!(
        failures.is_empty(),
        "JPEG failures:\n{}",
        failures.join("\n")
    );
}

/// Bounds against libjpeg-turbo's decodes.
const DJPEG_MAX: u8 = 4;
const DJPEG_MEAN: f64 = 0.25;

#[test]
fn jpeg_damaged_files_never_panic() {
    let Some(dir) = testdata("jpeg/crashtest") else {
        return;
    };
    let mut all = files(&dir, "jpg");
    all.extend(files(&dir.join("imagetestsuite"), "jpg"));
    let (mut decoded, mut refused) = (0, 0);
    for path in &all {
        let data = read(path);
        // Decoding and probing return, whatever the bytes.
        let _ = probe(&data);
        match decode(&data) {
            Ok(_) => decoded += 1,
            Err(_) => refused += 1,
        }
    }
    println!(
        "JPEG crash tests: {} files, {decoded} decoded, {refused} refused, no panic",
        all.len()
    );
    assert!(all.len() >= 100);
    match decode(&read(&dir.join("max_size.jpg"))) {
        Err(Error::LimitExceeded { .. }) => {}
        other => panic!("max_size.jpg: expected a limit error, got {other:?}"),
    }
}

#[test]
fn exif_orientation_synthetic_set() {
    let Some(dir) = testdata("exif-orientation/synthetic") else {
        return;
    };
    let upright = decode(&read(&dir.join("upright.png")))
        .expect("upright")
        .image
        .to_rgba8();
    let mut worst = 0;
    for n in 0..=9 {
        for order in ["ii", "mm"] {
            let path = dir.join(format!("orientation_{n}_{order}.jpg"));
            let d = decode(&read(&path)).expect("decodes");
            let expected = chiaro::pixel::Orientation::from_exif(n);
            assert_eq!(d.metadata.orientation, expected, "{}", name(&path));
            assert_eq!(d.orientation_applied, expected.is_some());
            let (max, _) = diff(&d.image.to_rgba8(), &upright);
            assert_eq!(d.image.size(), upright.size(), "{}", name(&path));
            assert!(max <= 1, "{}: max difference {max}", name(&path));
            worst = worst.max(max);
        }
    }
    println!("EXIF orientation, synthetic: 20 files upright within {worst} of upright.png");
}

#[test]
fn exif_orientation_photos() {
    let Some(dir) = testdata("exif-orientation/photos") else {
        return;
    };
    for stem in ["Landscape", "Portrait"] {
        let reference = decode(&read(&dir.join(format!("{stem}_1.jpg")))).expect("decodes");
        let reference = reference.image.to_rgba8();
        for n in 0..=8 {
            let d = decode(&read(&dir.join(format!("{stem}_{n}.jpg")))).expect("decodes");
            let image = d.image.to_rgba8();
            assert_eq!(image.size(), reference.size(), "{stem}_{n}");
            // Re-encoded after the transform: close, not identical.
            let (_, mean) = diff(&image, &reference);
            println!("  {stem}_{n}.jpg upright, mean difference to {stem}_1: {mean:.2}");
            assert!(mean < 4.0, "{stem}_{n}: mean difference {mean:.2}");
        }
    }
}
