"""Build hook: the top-level ``resources/`` folder ships inside the package.

The source tree keeps resources beside the package (translations, STS tables, demo data,
the voucher template are not Python). A wheel has only the package, so the build copies the
folder to ``starpos/resources``; :func:`starpos.paths.resources_dir` looks there first.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "resources"
        target = Path(self.build_lib) / "starpos" / "resources"
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
