"""Build the program for distribution: PyInstaller bundle → frozen selftest → (Windows) installer.

    python packaging/build.py                 # everything this platform can do
    python packaging/build.py --no-installer  # bundle and selftest only

Steps, each of which stops the build with a non-zero exit code when it fails:
1. PyInstaller with packaging/disclosure_desk.spec into dist/DisclosureDesk/ (work files under
   build/pyinstaller/, removed first so nothing stale from an earlier build slips in);
2. the frozen program's `--selftest --output FILE`, in a temporary data folder (qutebrowser's habit:
   never make an installer from a bundle that was not started once), its result read from FILE (UTF-8);
3. on Windows, Inno Setup's compiler on packaging/installer.iss → dist/DisclosureDesk-Setup-<version>.exe.
Prints how long it took and how big the bundle is.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
SPEC = PACKAGING / "disclosure_desk.spec"
INSTALLER_SCRIPT = PACKAGING / "installer.iss"
APP_NAME = "DisclosureDesk"
IS_WINDOWS = sys.platform == "win32"
SELFTEST_TIMEOUT_S = 300  # a hung window must not hang CI for its whole time limit

sys.path.insert(0, str(PACKAGING))
from version_info import read_version  # noqa: E402  (packaging/ is a folder of scripts, not a package)


class BuildError(Exception):
    """A step failed; the message says which and why."""


def bundle_executable(bundle: Path) -> Path:
    return bundle / (f"{APP_NAME}.exe" if IS_WINDOWS else APP_NAME)


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def run_pyinstaller(dist: Path, work: Path) -> Path:
    if work.exists():
        shutil.rmtree(work)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    print("$ " + " ".join(command), flush=True)
    if subprocess.run(command, cwd=REPO, check=False).returncode != 0:
        raise BuildError("PyInstaller 打包失败（见上方输出）。")
    bundle = dist / APP_NAME
    if not bundle_executable(bundle).is_file():
        raise BuildError(f"打包完成，但找不到可执行文件 {bundle_executable(bundle)}。")
    return bundle


def run_frozen_selftest(bundle: Path) -> None:
    executable = bundle_executable(bundle)
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("DISCLOSURE_DESK_HOME", "DISCLOSURE_DESK_DB"):
        env.pop(name, None)  # the selftest makes its own temporary folder
    with tempfile.TemporaryDirectory(prefix="disclosure-desk-build-") as folder:
        # The result comes back through a UTF-8 file: the windowed Windows program has no console, and
        # its redirected stdout would be in the ANSI code page (cp1252 on a runner: no ✓, no Chinese).
        result_file = Path(folder) / "selftest.txt"
        command = [str(executable), "--selftest", "--output", str(result_file)]
        print("$ " + " ".join(command), flush=True)
        try:
            result = subprocess.run(
                command,
                cwd=bundle,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=SELFTEST_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise BuildError(f"自检超过 {SELFTEST_TIMEOUT_S} 秒未结束（主窗口卡住？）。") from error
        output = result_file.read_text(encoding="utf-8") if result_file.is_file() else ""
    errors = result.stderr.decode("utf-8", "replace")
    print(output, end="" if output.endswith("\n") or not output else "\n")
    if errors.strip():
        print("--- stderr ---\n" + errors.rstrip(), file=sys.stderr)
    if result.returncode != 0:
        raise BuildError(f"打包后的程序自检失败（退出码 {result.returncode}）。")
    if "自检通过" not in output:
        raise BuildError(f"打包后的程序退出码为 0，但结果文件里没有“自检通过”：{output.strip() or '（空）'}")


def find_iscc(explicit: str | None) -> Path:
    if explicit:
        path = Path(explicit)
        if path.is_file():
            return path
        raise BuildError(f"找不到指定的 Inno Setup 编译器：{path}")
    on_path = shutil.which("ISCC") or shutil.which("iscc")
    if on_path:
        return Path(on_path)
    candidates = []
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(variable)
        if base:
            sub = Path("Programs", "Inno Setup 6") if variable == "LOCALAPPDATA" else Path("Inno Setup 6")
            candidates.append(Path(base) / sub / "ISCC.exe")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise BuildError(
        "找不到 Inno Setup 6 的编译器 ISCC.exe：请安装 Inno Setup 6（https://jrsoftware.org/isdl.php，"
        "或 `choco install innosetup`），或用 --iscc 指定其路径；只要程序文件夹可用 --no-installer。"
    )


def run_inno_setup(iscc: Path, bundle: Path, dist: Path, version: str) -> Path:
    command = [
        str(iscc),
        f"/DAppVersion={version}",
        f"/DBundleDir={bundle}",
        f"/DOutputDir={dist}",
        str(INSTALLER_SCRIPT),
    ]
    print("$ " + " ".join(command), flush=True)
    if subprocess.run(command, cwd=PACKAGING, check=False).returncode != 0:
        raise BuildError("Inno Setup 编译安装程序失败（见上方输出）。")
    setup = dist / f"{APP_NAME}-Setup-{version}.exe"
    if not setup.is_file():
        raise BuildError(f"Inno Setup 已运行，但找不到 {setup}。")
    return setup


def build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    version = read_version()
    dist: Path = args.dist.resolve()
    work: Path = args.work.resolve()
    print(f"== 政务公开台账 {version}：打包（{sys.platform}，Python {sys.version.split()[0]}）", flush=True)

    bundle = run_pyinstaller(dist, work)
    size = folder_size(bundle)
    print(f"== 程序文件夹：{bundle}（{size / 1_000_000:.1f} MB）", flush=True)

    if not args.no_selftest:
        print("== 自检打包后的程序", flush=True)
        run_frozen_selftest(bundle)

    setup: Path | None = None
    if IS_WINDOWS and not args.no_installer:
        print("== 生成安装程序", flush=True)
        setup = run_inno_setup(find_iscc(args.iscc), bundle, dist, version)
    elif not IS_WINDOWS:
        print("== 安装程序只在 Windows 上生成，已跳过。")

    elapsed = time.perf_counter() - started
    print(f"== 完成，用时 {elapsed:.0f} 秒；程序文件夹 {size / 1_000_000:.1f} MB：{bundle}")
    if setup is not None:
        print(f"== 安装程序（{setup.stat().st_size / 1_000_000:.1f} MB）：{setup}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    # Our own output (and the selftest's, passed through) is Chinese; never die on a cp1252 console.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = argparse.ArgumentParser(description="Build the bundle, selftest it, make the installer.")
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder (default: dist/)")
    parser.add_argument(
        "--work",
        type=Path,
        default=REPO / "build" / "pyinstaller",
        help="work files (default: build/pyinstaller/)",
    )
    parser.add_argument("--no-selftest", action="store_true", help="do not run the frozen --selftest")
    parser.add_argument("--no-installer", action="store_true", help="Windows: skip the Inno Setup step")
    parser.add_argument("--iscc", help="path of ISCC.exe (default: PATH, then the usual install folders)")
    args = parser.parse_args(argv)
    try:
        return build(args)
    except BuildError as error:
        print(f"构建失败：{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
