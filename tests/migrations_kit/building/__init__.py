"""Tests of the body-to-blocks and assets stage of the importer."""
