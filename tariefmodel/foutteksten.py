"""Nederlandse tekst voor fouten van het besturingssysteem (issue 11: geen Engelse tekst voor de gebruiker).

``OSError.strerror`` is Engels ("Permission denied"); dit vertaalt op foutnummer (errno).
"""

from __future__ import annotations

import errno

_OS_FOUTEN = {
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.EACCES: "geen toestemming (controleer de rechten op het bestand of de map)",
    errno.EPERM: "deze handeling is niet toegestaan (rechten)",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf of map is alleen-lezen",
    errno.EEXIST: "het bestand bestaat al",
    errno.EBUSY: "het bestand is in gebruik",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang",
    errno.EMFILE: "er staan te veel bestanden open",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.ELOOP: "te veel symbolische koppelingen in het pad",
    errno.EINVAL: "ongeldige bestandsnaam of handeling",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
}


def os_fout(fout: OSError) -> str:
    """Een Nederlandse omschrijving van een OSError, zonder Engelse systeemtekst of Python-typenaam."""
    if fout.errno in _OS_FOUTEN:
        return _OS_FOUTEN[fout.errno]
    if isinstance(fout, FileNotFoundError):
        return _OS_FOUTEN[errno.ENOENT]
    if isinstance(fout, PermissionError):
        return _OS_FOUTEN[errno.EACCES]
    return f"fout van het besturingssysteem (nummer {fout.errno})" if fout.errno else "fout van het besturingssysteem"
