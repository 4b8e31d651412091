from functools import partial

from orewire.executors import InProcessExecutor, ProcessPoolExecutor
from orewire.ingest import read_targets
from orewire.model import Article, RawDocument
from orewire.runner import clean_pipeline


def _batches(sample_dir, settings, size=2):
    docs = [d for d in read_targets([str(sample_dir)], settings) if isinstance(d, RawDocument)]
    return [docs[i:i + size] for i in range(0, len(docs), size)]


def _article_ids(executor, batches):
    out = []
    for outputs in executor.map_batches(partial(clean_pipeline, "auto"), batches):
        out += [o.id for o in outputs if isinstance(o, Article)]
    return out


def test_process_pool_gives_the_same_articles_in_the_same_order(sample_dir, settings):
    batches = _batches(sample_dir, settings)
    local = InProcessExecutor()
    pool = ProcessPoolExecutor(workers=2)
    assert _article_ids(local, batches) == _article_ids(pool, batches)
    assert local.stats["clean.v1"].items_in == pool.stats["clean.v1"].items_in == 19
    assert pool.stats["clean.v1"].items_out == 20
