"""deploy/: the Prefect deployment file and the crontab line are valid and agree with the code."""

from __future__ import annotations

from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def test_deploy_prefect_yaml_is_valid_for_prefect_deploy():
    from prefect.cli.deploy._models import PrefectYamlModel

    data = yaml.safe_load((DEPLOY / "prefect.yaml").read_text())
    model = PrefectYamlModel.model_validate(data)
    (dep,) = model.deployments
    sched = data["deployments"][0]["schedules"][0]
    assert sched["cron"] == "0 * * * *" and sched["timezone"]
    assert data["deployments"][0]["concurrency_limit"] == {"limit": 1, "collision_strategy": "CANCEL_NEW"}
    module, func = dep.entrypoint.split(":")
    assert (DEPLOY.parent / module).exists()
    import flows.monitor

    assert getattr(flows.monitor, func).name == "monitor"
    assert "config_path" in data["deployments"][0]["parameters"]


def test_deploy_crontab_line_runs_newsmon_run():
    lines = [ln for ln in (DEPLOY / "crontab").read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    (line,) = lines
    fields = line.split(None, 5)
    assert len(fields) == 6 and fields[0].isdigit() and fields[1:5] == ["*", "*", "*", "*"]
    assert "newsmon --config newsmon.toml run" in fields[5]
