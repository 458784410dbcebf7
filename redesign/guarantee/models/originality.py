"""Fingerprints of article texts and the near-duplicates found among them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fingerprint(models.Model):
    """One article's normalised text and MinHash signature, so detection never re-reads bodies."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="fingerprint"
    )
    signature = models.BinaryField(_("签名"))
    # the CJK characters, letters and digits of the text, one clause a line; empty if stored
    # before texts were kept (fingerprint_articles fills it)
    text = models.TextField(_("规范化正文"), blank=True, default="")
    text_length = models.PositiveIntegerField(_("正文字数"), default=0)
    computed_at = models.DateTimeField(_("计算时间"), auto_now=True)

    class Meta:
        verbose_name = _("正文指纹")
        verbose_name_plural = _("正文指纹")

    def __str__(self) -> str:
        """The page's id."""
        return f"#{self.page_id}"


class NearDuplicate(models.Model):
    """An article marked 原创 whose text is nearly that of an earlier page."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="near_duplicates"
    )
    similar_to = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField(_("相似度"))
    detected_at = models.DateTimeField(_("发现时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("疑似转载")
        verbose_name_plural = _("疑似转载")
        constraints = [
            models.UniqueConstraint(fields=["page", "similar_to"], name="guarantee_neardup_pair")
        ]

    def __str__(self) -> str:
        """The pair and their similarity."""
        return f"#{self.page_id} ≈ #{self.similar_to_id} ({self.similarity:.0%})"


class FingerprintBand(models.Model):
    """One lookup key of an article's text (an LSH band or a clause): sharing one makes pages
    neighbours, compared when either is published."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    bucket = models.BigIntegerField(_("分桶"))

    class Meta:
        verbose_name = _("指纹分段")
        verbose_name_plural = _("指纹分段")
        indexes = [models.Index(fields=["bucket", "page"], name="guarantee_band_bucket")]

    def __str__(self) -> str:
        """The page's id and its bucket."""
        return f"#{self.page_id} {self.bucket}"
