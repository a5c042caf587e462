"""A probe of invented paragraphs, names from many cultures: the speaker of a quotation whose person is introduced
by a name the recogniser may not know (it may call it an organisation, a place, or nothing), and then quoted by
the family name alone or by a pronoun. Each case asserts the speaker of the paragraph's last quotation."""

from __future__ import annotations

import pytest

from onrecord.api import extract

PROBE = [
    ("Marit Solbakk founded the firm in 2004. “We started small,” Solbakk said.", "Marit Solbakk"),
    ("Zeb Tarkington coached the team for a decade. Asked about the final, he said: “We were ready.”",
     "Zeb Tarkington"),
    ("Ines Quaresma and Teodor Vlk met on Tuesday. “It went well,” Quaresma said.", "Ines Quaresma"),
    ("Ana Lind spoke at the meeting. “The pier must stay,” she said.", "Ana Lind"),
    ("Tove Hallberg runs the bakery on Mill Lane. “Bread is slow work,” she said.", "Tove Hallberg"),
    ("Oluwaseun Adeyemi-Cole opened the clinic last spring. “People queue before dawn,” Adeyemi-Cole said.",
     "Oluwaseun Adeyemi-Cole"),
    ("Nguyen Thi Hoa sells noodles near the station. “The rent doubled,” Nguyen said.", "Nguyen Thi Hoa"),
    ("Radka Novotna repaired the organ over two winters. “Every pipe had a story,” Novotna said.", "Radka Novotna"),
    ("Aroha Tane led the waka crew across the harbour. “The tide was kind,” Tane said.", "Aroha Tane"),
    ("Emre Kaplanoglu drives the night bus. “Nobody talks after midnight,” he said.", "Emre Kaplanoglu"),
    ("Siiri Heinonen trains sled dogs outside the village. “They know the trail better than I do,” Heinonen said.",
     "Siiri Heinonen"),
    ("Bartosz Wierzbicki built the footbridge by hand. “It took a summer,” Wierzbicki said.", "Bartosz Wierzbicki"),
    ("Priyanka Venkataraman wrote the grant application. “We asked for too little,” she said.",
     "Priyanka Venkataraman"),
    ("Tariq Al-Mansouri manages the date farm. “The heat came early this year,” Al-Mansouri said.",
     "Tariq Al-Mansouri"),
    ("Ji-woo Baek teaches violin in the old school. “Children learn faster than adults,” Baek said.", "Ji-woo Baek"),
    ("Haruto Kishimoto restored the temple gate. “The wood decides,” Kishimoto said.", "Haruto Kishimoto"),
    ("Nino Beridze grows grapes on the hillside. “The frost took half the crop,” Beridze said.", "Nino Beridze"),
    ("Ibon Etxeberria rows for the harbour club. “We train in the dark,” Etxeberria said.", "Ibon Etxeberria"),
    ("Wanjiru Kamau counts birds at the lake every morning. “The flamingos are back,” she said.", "Wanjiru Kamau"),
    ("Sigrun Thorvaldsdottir keeps the lighthouse. “Storms are quieter than people think,” Thorvaldsdottir said.",
     "Sigrun Thorvaldsdottir"),
    ("Zsofia Bartha ran the market for twenty years. “The stalls got smaller,” Bartha said.", "Zsofia Bartha"),
    ("Marisol Quispe weaves blankets in the valley. “Each colour is a plant,” Quispe said.", "Marisol Quispe"),
    ("Dafydd Prys-Owen farms sheep above the pass. “The lambing was hard,” he said.", "Dafydd Prys-Owen"),
    ("Lakshmi Raghunathan chairs the residents' group. “We were not consulted,” Raghunathan said.",
     "Lakshmi Raghunathan"),
    ("Kofi Mensah-Bonsu coaches the under-12s. “They play without fear,” Mensah-Bonsu said.", "Kofi Mensah-Bonsu"),
    ("Rangi Parata carved the new gateway. “It faces the sea,” he said.", "Rangi Parata"),
]


@pytest.mark.parametrize(("text", "speaker"), PROBE, ids=[s for _t, s in PROBE])
def test_probe_speaker(text: str, speaker: str) -> None:
    found = extract(text).attributions
    assert found, "no attribution found"
    assert found[-1].speaker == speaker
