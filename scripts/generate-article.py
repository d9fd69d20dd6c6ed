#!/usr/bin/env python3
"""Writes a deterministic, seed-like news page dump of about SIZE bytes.

  scripts/generate-article.py SIZE OUTPUT [--one-line]     (SIZE like 10K, 1M, 10M, 100M)

The page has the portal's chrome, a kicker, the title, a source line, then paragraphs,
headings and captions of Vietnamese text until the size is reached, and the byline, rating and
counter block at the end. Same size, same bytes: benchmarks compare like with like.
--one-line writes the whole body as one line (paragraphs joined by a space), as a page saved
without line ends would have it.
"""
import random
import sys

WORDS = ("hội nghị ban chấp hành đảng bộ tỉnh khóa thống nhất nhiệm vụ chủ yếu quý thực hiện đề án "
         "giai đoạn kinh tế xã hội phát triển nhân dân đồng chí ủy viên trung ương bí thư tỉnh ủy chủ tịch "
         "đại biểu quốc hội bầu cử nghị quyết chương trình kế hoạch tuyên truyền quán triệt học tập triển khai "
         "giáo dục y tế cơ sở nông thôn mới đô thị văn minh đầu tư kinh doanh môi trường cạnh tranh hành chính "
         "phòng chống dịch bệnh an ninh quốc phòng biên giới thiên tai mùa khô rừng đoàn kết giảm nghèo bền vững").split()

def sentence(rng, lo=8, hi=24):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", ";", "…"]).replace(";", ".")

def main():
    args = [a for a in sys.argv[1:] if a != "--one-line"]
    if len(args) != 2 or any(a.startswith("-") for a in args):
        sys.exit("usage: scripts/generate-article.py SIZE OUTPUT [--one-line]   (SIZE like 10K, 1M, 10M, 100M)")
    size_text, out = args
    one_line = "--one-line" in sys.argv[1:]
    mult = {"K": 1024, "M": 1024 * 1024}.get(size_text[-1].upper(), 1)
    try:
        target = int(float(size_text.rstrip("KkMm")) * mult)
    except ValueError:
        sys.exit(f"generate-article.py: not a size: {size_text!r} (use a number with K or M, like 10K or 100M)")
    rng = random.Random(2026)
    head = ("• :\n  • :\nA- A A+ | Chia sẻ bài viết lên facebook Chia sẻ bài viết lên twitter Tăng tương phản Giảm tương phản\n"
            "Hội nghị đánh giá hiệu năng đọc báo:\n\n"
            "Thống nhất đánh giá hiệu năng của trình đọc báo trên tệp kích thước lớn\n\n(docbao.bench)\n\n")
    tail = ("\nTác giả: Nhóm Hiệu Năng\nTổng số điểm của bài viết là: 0 trong 0 đánh giá\n"
            "Click để đánh giá bài viết\nThống kê truy cập\nHôm nay : 1.730\nHôm qua : 14.518\n"
            "Tháng 10 : 388.879\nNăm 2021 : 4.635.535\nTổng số : 64.226.919\n")
    parts = [head]
    size = len(head.encode()) + len(tail.encode())
    n = 0
    while size < target:
        n += 1
        if n % 9 == 0:
            block = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 10))).capitalize()  # heading
        elif n % 7 == 0:
            block = sentence(rng, 5, 12)  # caption-like
        else:
            block = " ".join(sentence(rng) for _ in range(rng.randint(3, 8)))
        chunk = block + "\n\n"
        parts.append(chunk)
        size += len(chunk.encode())
    if one_line:
        parts = [head, " ".join(p.strip() for p in parts[1:]) + "\n"]
    parts.append(tail)
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(parts))

main()
