"""prefect.yaml: the work-pool deployment names the run flow and parameters it takes."""

import inspect

import yaml

from flows.pipeline import run_flow
from tests.support import REPO


def test_the_deployment_runs_the_run_flow_with_parameters_it_takes():
    spec = yaml.safe_load((REPO / "prefect.yaml").read_text())
    (deployment,) = spec["deployments"]
    path, name = deployment["entrypoint"].split(":")
    assert (REPO / path).is_file() and name == run_flow.fn.__name__
    taken = inspect.signature(run_flow.fn).parameters
    assert set(deployment["parameters"]) <= set(taken)
    assert {p for p, v in taken.items() if v.default is inspect.Parameter.empty} <= set(deployment["parameters"])
    assert deployment["work_pool"]["name"] and deployment["schedules"][0]["cron"]
