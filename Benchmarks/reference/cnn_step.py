#!/usr/bin/env python3
"""Times the ResNet-18 stem training step of TensorBenchmarks in PyTorch, as a reference.

Same workload as Benchmarks/Benchmarks/TensorBenchmarks: a batch of 70 RGB images of
96 x 96 (12 x 12 output grid) or 240 x 240 (30 x 30 grid), uniform random pixels and
targets; conv 7x7/2 (3 -> 64, no bias) -> batch norm -> ReLU -> max-pool 3x3/2 -> two basic
residual blocks of 64 channels -> adaptive max-pool to the grid -> mean over channels;
mean squared error; one step = forward, backward and Adam (lr 1e-3), in training mode.

Prints one line per size: "<side> <median ms> <min ms> <steps>". Exits with status 3 and a
message when PyTorch is not installed (Debian: apt-get install python3-torch).
"""
import argparse
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    print("PyTorch is not installed (apt-get install python3-torch); skipping the reference", file=sys.stderr)
    sys.exit(3)


class ResidualBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.norm1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.norm2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        hidden = torch.relu(self.norm1(self.conv1(x)))
        return torch.relu(self.norm2(self.conv2(hidden)) + x)


class Stem(nn.Module):
    def __init__(self, grid):
        super().__init__()
        self.conv = nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.norm = nn.BatchNorm2d(64)
        self.block1 = ResidualBlock(64)
        self.block2 = ResidualBlock(64)
        self.grid = grid

    def forward(self, images):
        x = torch.relu(self.norm(self.conv(images)))
        x = nn.functional.max_pool2d(x, 3, stride=2, padding=1)
        x = self.block2(self.block1(x))
        return nn.functional.adaptive_max_pool2d(x, self.grid).mean(dim=1)


def time_steps(side, grid, batch, seconds, warmup):
    generator = torch.Generator().manual_seed(1)
    model = Stem(grid).train()
    images = torch.rand(batch, 3, side, side, generator=generator)
    target = torch.rand(batch, grid, grid, generator=generator)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = nn.functional.mse_loss(model(images), target)
        loss.backward()
        optimizer.step()

    for _ in range(warmup):
        step()
    durations = []
    start = time.perf_counter()
    while time.perf_counter() - start < seconds or len(durations) < 3:
        before = time.perf_counter()
        step()
        durations.append((time.perf_counter() - before) * 1e3)
    return statistics.median(durations), min(durations), len(durations)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="intra-op threads (default 2)")
    parser.add_argument("--seconds", type=float, default=3, help="measuring time per size (default 3)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed steps first (default 2)")
    parser.add_argument("--sides", type=int, nargs="+", default=[96, 240], help="image sides (default 96 240)")
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    for side in arguments.sides:
        grid = side // 8
        median, fastest, count = time_steps(side, grid, 70, arguments.seconds, arguments.warmup)
        print(f"{side} {median:.1f} {fastest:.1f} {count}", flush=True)


if __name__ == "__main__":
    main()
