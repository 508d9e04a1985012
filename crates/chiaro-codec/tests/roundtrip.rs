//! Encode → decode round trips: exact for every PNG pixel type (indexed included),
//! within stated PSNR for JPEG, and metadata kept by both formats.

use chiaro_codec::{
    AlphaPolicy, ColorKind, Compression, DecodeOptions, Decoded, DecodedImage, Error, Format,
    JpegOptions, JpegScale, Limits, PaletteOutput, PhysicalSize, PhysicalUnit, PngFilter,
    PngOptions, PngPixel, Subsampling, TextEntry, decode, decode_reader, decode_with, encode_jpeg,
    encode_png, encode_png_indexed, probe, probe_reader,
};
use chiaro_color::compare::psnr;
use chiaro_pixel::{
    Gray8, Gray16, GrayA8, GrayA16, Image, IndexedImage, Orientation, Pixel, Rect, Rgb8, Rgb16,
    Rgba8, Rgba16,
};

/// Deterministic pseudo-random samples.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// An image of random samples (every channel value equally likely).
fn random<P: Pixel>(w: u32, h: u32, seed: u64) -> Image<P> {
    let mut noise = Noise(seed);
    let mut img = Image::<P>::new(w, h);
    for b in img.as_bytes_mut() {
        *b = noise.next().to_le_bytes()[3];
    }
    img
}

/// Encodes `image` (and a strided region of it) and checks the decode is identical.
fn png_exact<P: PngPixel>(wrap: fn(Image<P>) -> DecodedImage) {
    let image = random::<P>(37, 23, 7);
    for compression in [Compression::Fast, Compression::Default, Compression::Best] {
        for filter in [PngFilter::Adaptive, PngFilter::None, PngFilter::Paeth] {
            let options = PngOptions::new()
                .with_compression(compression)
                .with_filter(filter);
            let png = encode_png(image.as_view(), &options).expect("encodes");
            let decoded = decode(&png).expect("decodes");
            assert_eq!(
                decoded.image,
                wrap(image.clone()),
                "{compression:?} {filter:?}"
            );
        }
    }
    let region = image.sub_view(Rect::new(5, 3, 20, 11)).expect("inside");
    let png = encode_png(region, &PngOptions::default()).expect("encodes");
    assert_eq!(
        decode(&png).expect("decodes").image,
        wrap(region.to_image())
    );
}

#[test]
fn png_round_trips_every_pixel_type_exactly() {
    png_exact::<Gray8>(DecodedImage::Gray8);
    png_exact::<GrayA8>(DecodedImage::GrayA8);
    png_exact::<Rgb8>(DecodedImage::Rgb8);
    png_exact::<Rgba8>(DecodedImage::Rgba8);
    png_exact::<Gray16>(DecodedImage::Gray16);
    png_exact::<GrayA16>(DecodedImage::GrayA16);
    png_exact::<Rgb16>(DecodedImage::Rgb16);
    png_exact::<Rgba16>(DecodedImage::Rgba16);
}

#[test]
fn png_round_trips_indexed_images_at_every_bit_depth() {
    let indexed = DecodeOptions::new().with_palette(PaletteOutput::Indexed);
    for (entries, bits) in [(2usize, 1u8), (4, 2), (11, 4), (16, 4), (200, 8), (256, 8)] {
        let mut noise = Noise(entries as u64);
        let palette: Vec<Rgba8> = (0..entries)
            .map(|i| {
                let [r, g, b, _, ..] = noise.next().to_le_bytes();
                // Some entries translucent, some transparent.
                let a = match i % 5 {
                    0 => 0,
                    1 => 128,
                    _ => 255,
                };
                Rgba8::new(r, g, b, a)
            })
            .collect();
        let indices = (0..33 * 9)
            .map(|_| u8::try_from(noise.next() % entries as u64).expect("below 256"))
            .collect();
        let image = IndexedImage::new(33, 9, indices, palette).expect("valid");
        let png = encode_png_indexed(&image, &PngOptions::default()).expect("encodes");
        let info = probe(&png).expect("probes");
        assert_eq!((info.color, info.bit_depth), (ColorKind::Indexed, bits));
        assert!(info.has_alpha);
        let back = decode_with(&png, &indexed).expect("decodes");
        assert_eq!(
            back.image,
            DecodedImage::Indexed(image.clone()),
            "{entries} entries"
        );
        // Expanded, the same colours.
        let expanded = decode(&png).expect("decodes").image;
        assert_eq!(expanded, DecodedImage::Rgba8(image.expand()));
    }
}

/// PSNR of a JPEG round trip of `image` under `options`.
fn jpeg_psnr(image: &Image<Rgb8>, options: &JpegOptions) -> (f64, usize) {
    let jpeg = encode_jpeg(image.as_view(), options).expect("encodes");
    let back = decode(&jpeg).expect("decodes").image.into_rgb8();
    (
        psnr(image.as_view(), back.as_view()).expect("same size"),
        jpeg.len(),
    )
}

#[test]
fn jpeg_round_trips_within_the_stated_psnr() {
    // The scene at a modest photo resolution; shrunk to a thumbnail it packs more
    // detail per pixel than photos have (256×192 gives 32.3 dB at q85 4:2:0).
    let photo = chiaro_testkit::photo_scene_rgb8(512, 384);
    let (best, _) = jpeg_psnr(
        &photo,
        &JpegOptions::new(100).with_subsampling(Subsampling::S444),
    );
    let (web, size) = jpeg_psnr(&photo, &JpegOptions::new(85));
    println!("JPEG round trip: q100 4:4:4 {best:.2} dB; q85 4:2:0 {web:.2} dB ({size} bytes)");
    assert!(best >= 45.0, "q100 4:4:4: {best:.2} dB");
    assert!(web >= 33.0, "q85 4:2:0: {web:.2} dB");
    // Progressive, restart markers and standard tables decode to the same quality.
    for options in [
        JpegOptions::new(85).with_progressive(true),
        JpegOptions::new(85).with_restart_interval(Some(3)),
        JpegOptions::new(85).with_optimized_huffman(false),
        JpegOptions::new(85).with_subsampling(Subsampling::S422),
    ] {
        let (p, _) = jpeg_psnr(&photo, &options);
        assert!(p >= 33.0, "{options:?}: {p:.2} dB");
    }
}

#[test]
fn jpeg_grey_and_rgba_inputs() {
    let grey = Image::from_fn(40, 30, |x, y| {
        Gray8::new(u8::try_from(x * 6 + y).unwrap_or(0))
    });
    let jpeg = encode_jpeg(grey.as_view(), &JpegOptions::new(95)).expect("encodes");
    assert_eq!(probe(&jpeg).expect("probes").color, ColorKind::Gray);
    let DecodedImage::Gray8(back) = decode(&jpeg).expect("decodes").image else {
        panic!("grey decodes to grey")
    };
    assert!(psnr(grey.as_view(), back.as_view()).expect("same size") > 40.0);

    // RGBA: refused when not opaque, unless composited.
    let mut rgba = Image::filled(16, 16, Rgba8::new(255, 0, 0, 255));
    assert!(encode_jpeg(rgba.as_view(), &JpegOptions::default()).is_ok());
    if let Some(p) = rgba.get_mut(3, 4) {
        p.a = 0;
    }
    match encode_jpeg(rgba.as_view(), &JpegOptions::default()) {
        Err(Error::InvalidParameter(reason)) => assert!(reason.contains("(3, 4)"), "{reason}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let over_blue = JpegOptions::new(100)
        .with_subsampling(Subsampling::S444)
        .with_alpha(AlphaPolicy::Composite(Rgb8::new(0, 0, 255)));
    let back = decode(&encode_jpeg(rgba.as_view(), &over_blue).expect("encodes"))
        .expect("decodes")
        .image
        .into_rgb8();
    let hole = back.get(3, 4).copied().expect("inside");
    assert!(
        hole.b > 200 && hole.r < 60,
        "transparent pixel shows the background: {hole:?}"
    );
}

#[test]
fn bad_encoder_parameters_are_errors() {
    let image = Image::<Rgb8>::new(8, 8);
    for q in [0, 101] {
        assert!(matches!(
            encode_jpeg(image.as_view(), &JpegOptions::new(q)),
            Err(Error::InvalidParameter(_))
        ));
    }
    let empty = Image::<Rgb8>::new(0, 5);
    assert!(encode_jpeg(empty.as_view(), &JpegOptions::default()).is_err());
    assert!(encode_png(empty.as_view(), &PngOptions::default()).is_err());
    let wide = Image::<Gray8>::new(70_000, 1);
    assert!(matches!(
        encode_jpeg(wide.as_view(), &JpegOptions::default()),
        Err(Error::InvalidParameter(_))
    ));
    let bad_text = PngOptions::new().with_text(TextEntry::new("", "x"));
    assert!(encode_png(image.as_view(), &bad_text).is_err());
}

#[test]
fn png_metadata_round_trips() {
    let image = random::<Rgba8>(9, 7, 3);
    let icc: Vec<u8> = (0..3000u32).map(|i| (i % 251) as u8).collect();
    let options = PngOptions::new()
        .with_icc_profile(icc.clone())
        .with_text(TextEntry::new("Title", "Café"))
        .with_text(TextEntry::new("Comment", "東京の写真"))
        .with_physical_size(PhysicalSize::from_dpi(300.0))
        .with_orientation(Orientation::Rotate270);
    let png = encode_png(image.as_view(), &options).expect("encodes");
    let info = probe(&png).expect("probes");
    assert!(info.has_icc);
    assert_eq!(info.orientation, Some(Orientation::Rotate270));
    assert_eq!(info.displayed_size(), (7, 9));

    let d = decode(&png).expect("decodes");
    assert_eq!(d.metadata.icc_profile.as_deref(), Some(&icc[..]));
    assert_eq!(
        d.metadata.text,
        [
            TextEntry::new("Title", "Café"),
            TextEntry::new("Comment", "東京の写真")
        ]
    );
    let dpi = d
        .metadata
        .physical_size
        .and_then(|p| p.dpi())
        .expect("density");
    assert!((dpi.0 - 300.0).abs() < 0.01);
    assert!(d.orientation_applied);
    assert_eq!(
        d.image,
        DecodedImage::Rgba8(image.clone().oriented(Orientation::Rotate270))
    );
    let as_stored = decode_with(&png, &DecodeOptions::new().with_orientation(false)).expect("ok");
    assert_eq!(as_stored.image, DecodedImage::Rgba8(image));
    assert!(!as_stored.orientation_applied);
    // A unitless aspect survives as an aspect.
    let aspect = PhysicalSize {
        x: 1,
        y: 4,
        unit: PhysicalUnit::Aspect,
    };
    let png = encode_png(
        random::<Gray8>(3, 3, 1).as_view(),
        &PngOptions::new().with_physical_size(aspect),
    )
    .expect("encodes");
    assert_eq!(
        decode(&png).expect("decodes").metadata.physical_size,
        Some(aspect)
    );
}

#[test]
fn jpeg_metadata_round_trips() {
    let image = chiaro_testkit::photo_scene_rgb8(48, 32);
    // An ICC profile larger than one APP2 segment.
    let icc: Vec<u8> = (0..150_000u32).map(|i| (i % 253) as u8).collect();
    let options = JpegOptions::new(90)
        .with_icc_profile(icc.clone())
        .with_orientation(Orientation::FlipHorizontal);
    let jpeg = encode_jpeg(image.as_view(), &options).expect("encodes");
    let info = probe(&jpeg).expect("probes");
    assert_eq!(
        (info.format, info.width, info.height),
        (Format::Jpeg, 48, 32)
    );
    assert!(info.has_icc && !info.interlaced);
    assert_eq!(info.orientation, Some(Orientation::FlipHorizontal));
    let d: Decoded = decode(&jpeg).expect("decodes");
    assert_eq!(d.metadata.icc_profile.as_deref(), Some(&icc[..]));
    assert_eq!(d.metadata.orientation, Some(Orientation::FlipHorizontal));
    assert!(d.metadata.exif.is_some());
    let raw = decode_with(&jpeg, &DecodeOptions::new().with_orientation(false)).expect("ok");
    assert_eq!(d.image, raw.image.oriented(Orientation::FlipHorizontal));
    let progressive = encode_jpeg(
        image.as_view(),
        &JpegOptions::new(90).with_progressive(true),
    )
    .expect("encodes");
    assert!(probe(&progressive).expect("probes").interlaced);
}

#[test]
fn jpeg_scaled_decoding_gives_rounded_up_sizes() {
    let image = chiaro_testkit::photo_scene_rgb8(203, 97);
    let jpeg = encode_jpeg(image.as_view(), &JpegOptions::new(90)).expect("encodes");
    for (scale, size) in [
        (JpegScale::Full, (203, 97)),
        (JpegScale::Half, (102, 49)),
        (JpegScale::Quarter, (51, 25)),
        (JpegScale::Eighth, (26, 13)),
    ] {
        let d = decode_with(&jpeg, &DecodeOptions::new().with_jpeg_scale(scale)).expect("ok");
        assert_eq!(d.image.size(), size, "{scale:?}");
        assert_eq!(scale.apply((203, 97)), size);
    }
    // An eighth is each 8×8 block's mean: close to a box-filtered reduction.
    let small = decode_with(
        &jpeg,
        &DecodeOptions::new().with_jpeg_scale(JpegScale::Eighth),
    )
    .expect("ok")
    .image
    .into_rgb8();
    let mean = |x0: u32, y0: u32| {
        let mut sum = 0u32;
        for y in y0..y0 + 8 {
            for x in x0..x0 + 8 {
                sum += u32::from(image.get(x, y).map_or(0, |p| p.g));
            }
        }
        sum / 64
    };
    let p = small.get(5, 4).map_or(0, |p| p.g);
    assert!(
        u32::from(p).abs_diff(mean(40, 32)) <= 6,
        "{p} vs {}",
        mean(40, 32)
    );
}

#[test]
fn readers_probe_and_decode_within_limits() {
    let image = random::<Rgb8>(20, 10, 9);
    let png = encode_png(image.as_view(), &PngOptions::default()).expect("encodes");
    let from_reader = probe_reader(std::io::Cursor::new(&png)).expect("probes");
    assert_eq!(from_reader, probe(&png).expect("probes"));
    let d = decode_reader(&png[..], &DecodeOptions::new()).expect("decodes");
    assert_eq!(d.image, DecodedImage::Rgb8(image));
    // A stream longer than the allocation budget is refused while reading.
    let tiny = DecodeOptions::new().with_limits(Limits {
        max_alloc_bytes: 100,
        ..Limits::default()
    });
    assert!(matches!(
        decode_reader(&png[..], &tiny),
        Err(Error::LimitExceeded { .. })
    ));
}

#[test]
fn apng_decodes_its_default_image_and_reports_the_animation() {
    let frames = [random::<Rgba8>(6, 4, 1), random::<Rgba8>(6, 4, 2)];
    let mut file = Vec::new();
    {
        let mut e = png::Encoder::new(&mut file, 6, 4);
        e.set_color(png::ColorType::Rgba);
        e.set_depth(png::BitDepth::Eight);
        e.set_animated(2, 3).expect("animated");
        let mut w = e.write_header().expect("header");
        for f in &frames {
            w.write_image_data(f.as_bytes()).expect("frame");
        }
        w.finish().expect("finishes");
    }
    let info = probe(&file).expect("probes");
    assert!(info.animated);
    let d = decode(&file).expect("decodes");
    assert_eq!(d.image, DecodedImage::Rgba8(frames[0].clone()));
    let animation = d.metadata.animation.expect("animation control");
    assert_eq!((animation.frames, animation.plays), (2, 3));
}

#[test]
fn files_save_and_decode_from_paths() {
    let dir = std::env::temp_dir().join(format!("chiaro-codec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let image = chiaro_testkit::photo_scene_rgb8(32, 24);
    let (png, jpg) = (dir.join("a.png"), dir.join("a.jpg"));
    chiaro_codec::save_png(image.as_view(), &png, &PngOptions::default()).expect("saves");
    chiaro_codec::save_jpeg(image.as_view(), &jpg, &JpegOptions::new(95)).expect("saves");
    let d = chiaro_codec::decode_path(&png, &DecodeOptions::new()).expect("decodes");
    assert_eq!(d.image, DecodedImage::Rgb8(image.clone()));
    let d = chiaro_codec::decode_path(&jpg, &DecodeOptions::new()).expect("decodes");
    assert_eq!((d.format, d.image.size()), (Format::Jpeg, (32, 24)));
    assert!(matches!(
        chiaro_codec::decode_path(dir.join("missing.png"), &DecodeOptions::new()),
        Err(Error::Io(_))
    ));
    let _ = std::fs::remove_dir_all(&dir);
}
