# One virtual environment at .venv/, created on first use and reused.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test venv clean system-deps train-ner

venv: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: venv
	$(BIN)/vigyapti extract corpora/samples/press_release_webinar.txt

test: venv
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis

# Optional Debian packages: Tesseract with Hindi, for scanned PDFs in `vigyapti batch`.
system-deps:
	apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-hin

# Retrain the shipped NER model from ../shared/data/ner (about 30 minutes on one core); see nlp/models/hi_ner/MODEL_CARD.md.
train-ner: venv
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python -m nlp.ner.train
