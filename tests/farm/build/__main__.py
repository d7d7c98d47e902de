"""Rewrite every site folder (tests/farm/sites/, and the demo's crawler/demo/sites/) from the
builders."""

from __future__ import annotations

import sys
from collections.abc import Callable

from tests.farm.build import (
    demo_gbk,
    demo_trs,
    demo_vsb,
    farm_api,
    farm_ccdi,
    farm_gbk,
    farm_hanweb,
    farm_home,
    farm_mutable,
    farm_trs,
    farm_validators,
    farm_vsb,
    farm_waf,
    farm_x,
    farm_y,
)
from tests.farm.build.writer import SiteWriter
from tests.farm.catalog import site_root

BUILDERS: list[Callable[[], SiteWriter]] = [
    demo_trs.build,
    demo_vsb.build,
    demo_gbk.build,
    farm_trs.build,
    farm_hanweb.build,
    farm_vsb.build,
    farm_gbk.build,
    farm_api.build,
    farm_waf.build,
    farm_mutable.build_epoch1,
    farm_mutable.build_epoch2,
    farm_ccdi.build,
    farm_validators.build_etag_epoch1,
    farm_validators.build_etag_epoch2,
    farm_validators.build_plain_epoch1,
    farm_validators.build_plain_epoch2,
    *farm_x.BUILDERS,
    *farm_home.BUILDERS,
    *farm_y.BUILDERS,
]


def main(argv: list[str]) -> int:
    wanted = set(argv)
    for build in BUILDERS:
        writer = build()
        if wanted and writer.site not in wanted:
            continue
        root = writer.write(site_root(writer.site).parent)
        print(
            f"{writer.folder}: {len(writer.routes)} routes, {len(writer.notices)} notices -> {root}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
